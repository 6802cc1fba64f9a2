/**
 * Each language has URLs of its own, so a page can be written in it at build time and a link (a QR
 * code, a bookmark, a search result) can name it: Japanese unprefixed, やさしい日本語 under `/easy`,
 * English under `/en`. Shared: the app, the build, the service worker and the server all use it.
 */
export const LANGUAGE_PREFIXES = { ja: '', 'ja-easy': '/easy', en: '/en' } as const
export type PathLanguage = keyof typeof LANGUAGE_PREFIXES

/** Where the reader's own choice of language is kept on the device (lib/preferences.ts). */
export const LANGUAGE_STORAGE_KEY = 'tsunagu.language'

/**
 * `hreflang` of each language's pages. やさしい日本語 has no registered language tag: it is Japanese
 * for a reader who reads little Japanese, so a private-use subtag of `ja`.
 */
export const HREFLANG: Record<PathLanguage, string> = { ja: 'ja', 'ja-easy': 'ja-x-easy', en: 'en' }

const PREFIXED = /^\/(easy|en)(?=\/|$)/

/** `/en/book` → English and `/book`; `/easy` → やさしい日本語 and `/`; `/book` → Japanese and `/book`. */
export function splitLanguagePath(pathname: string): { language: PathLanguage; path: string } {
  const match = PREFIXED.exec(pathname)
  if (!match) return { language: 'ja', path: pathname }
  return { language: match[1] === 'en' ? 'en' : 'ja-easy', path: pathname.slice(match[0].length) || '/' }
}

/** The URL of `path` (which may carry a query) in `language`: `/` in English is `/en`, `/?src=a` is `/en?src=a`. */
export function languagePath(language: PathLanguage, path: string): string {
  const prefix = LANGUAGE_PREFIXES[language]
  if (!prefix) return path
  return path === '/' || path.startsWith('/?') || path.startsWith('/#') ? prefix + path.slice(1) : prefix + path
}
