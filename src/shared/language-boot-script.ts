import { LANGUAGE_PREFIXES, LANGUAGE_STORAGE_KEY } from './language-paths.ts'

/**
 * Runs in the <head> of every page, before anything is painted. A page at an unprefixed URL (a QR
 * code, a bookmark, the installed app's start) opened by a reader who chose やさしい日本語 or English
 * is replaced at once by the same page at that language's URL, which the build wrote in it; the page
 * is hidden meanwhile, so no Japanese flashes by. A prefixed URL is never redirected: it names its
 * language. Staff pages have one language. `?lang=` (links made before languages had URLs) counts as
 * a choice for this visit only. Inline, so it costs no request before the first paint; the CSP allows
 * exactly this text by its hash (tests/shared checks that the two agree).
 */
export const LANGUAGE_BOOT_SCRIPT =
  `(function(){try{var p=location.pathname,s=location.search;if(/^\\/(easy|en|staff)(\\/|$)/.test(p))return;` +
  `var m=/[?&]lang=(ja|ja-easy|en)(?:&|$)/.exec(s),l=m?m[1]:localStorage.getItem(${JSON.stringify(LANGUAGE_STORAGE_KEY)}),` +
  `x=l==="en"?${JSON.stringify(LANGUAGE_PREFIXES.en)}:l==="ja-easy"?${JSON.stringify(LANGUAGE_PREFIXES['ja-easy'])}:"";if(!x)return;` +
  `document.documentElement.style.visibility="hidden";location.replace(x+(p==="/"?"":p)+s+location.hash)}catch(e){}})()`

/** The CSP source for LANGUAGE_BOOT_SCRIPT: base64 SHA-256 of its text. */
export const LANGUAGE_BOOT_SCRIPT_HASH = "'sha256-u1Vs8oaeNJ1c8gKqE1qyLV7SZtten0uhLsOReIX5IGc='"
