/** Where the reader's language choice is kept on the device (lib/preferences.ts reads and writes it). */
export const LANGUAGE_STORAGE_KEY = 'tsunagu.language'

/** Set on <html> while a page pre-rendered in Japanese waits for the app to show another language. */
export const LANGUAGE_PENDING_ATTRIBUTE = 'data-language-pending'

/**
 * Runs in the <head> of every page, before anything is painted. Public pages are pre-rendered in
 * Japanese; a reader who chose やさしい日本語 or English would otherwise read Japanese until the app
 * renders their language, so the page stays hidden meanwhile (styles/global.css), and shows anyway
 * after 4 s in case the app never starts. A flyer's link (`/q/<code>` → `?lang=en`) sets the
 * language first, so a reader of an English flyer sees English from the start. Inline, so it costs no request before the first paint;
 * the CSP allows exactly this text by its hash (tests/shared check that the two agree).
 */
export const LANGUAGE_BOOT_SCRIPT =
  `(function(){try{var k=${JSON.stringify(LANGUAGE_STORAGE_KEY)},m=/[?&]lang=(ja|ja-easy|en)(?:&|$)/.exec(location.search);` +
  `if(m)localStorage.setItem(k,m[1]);var l=localStorage.getItem(k);if(l!=="en"&&l!=="ja-easy")return;` +
  `var h=document.documentElement;h.setAttribute(${JSON.stringify(LANGUAGE_PENDING_ATTRIBUTE)},"");` +
  `setTimeout(function(){h.removeAttribute(${JSON.stringify(LANGUAGE_PENDING_ATTRIBUTE)})},4000)}catch(e){}})()`

/** The CSP source for LANGUAGE_BOOT_SCRIPT: base64 SHA-256 of its text. */
export const LANGUAGE_BOOT_SCRIPT_HASH = "'sha256-hGLBGzmBZFsUZS/NN95cCMunmSTAXqnzqLeZlFJtngY='"
