import { rubyFromReading } from '@/shared/furigana'
import type { DataText } from '@/shared/schemas/places'

const withReading = new Map<string, string>()

/** The Japanese with its kana reading over the kanji (`{漢字|かんじ}`), made once per text. */
function readingMarkup(ja: string, kana: string): string {
  const key = `${ja}\u0000${kana}`
  let markup = withReading.get(key)
  if (markup === undefined) {
    markup = rubyFromReading(ja, kana) ?? ja
    withReading.set(key, markup)
  }
  return markup
}

/**
 * Data text in the reader's language; Japanese when that language was not written. やさしい日本語
 * readers get the Japanese with its reading when no やさしい日本語 was written.
 */
export function textOf(value: DataText, language: string): string {
  if (language === 'en') return value.en ?? value.ja
  if (language === 'ja-easy') return value['ja-easy'] ?? (value.kana ? readingMarkup(value.ja, value.kana) : value.ja)
  return value.ja
}

/** A source document's title, with its reading for やさしい日本語 readers. */
export function sourceOf(source: { document: string; kana?: string }, language: string): string {
  return language === 'ja-easy' && source.kana ? readingMarkup(source.document, source.kana) : source.document
}
