export const LANGUAGES = ['ja', 'ja-easy', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language is named in its own script, so a reader finds theirs without reading the others. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ja: '日本語',
  'ja-easy': 'やさしい にほんご',
  en: 'English',
}

/** やさしい日本語 is Japanese: screen readers must read it with a Japanese voice. */
export const HTML_LANG: Record<Language, string> = { ja: 'ja', 'ja-easy': 'ja', en: 'en' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}
