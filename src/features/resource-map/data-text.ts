import { nameFor, withReading } from '@/lib/reading-text'
import type { DataText } from '@/shared/schemas/places'

/**
 * Data text in the reader's language; Japanese when that language was not written. やさしい日本語
 * readers get the Japanese with its reading when no やさしい日本語 was written.
 */
export function textOf(value: DataText, language: string): string {
  if (language === 'en') return value.en ?? value.ja
  if (language === 'ja-easy') return value['ja-easy'] ?? (value.kana ? withReading(value.ja, value.kana) : value.ja)
  return value.ja
}

/** A source document's title, with its reading for やさしい日本語 readers. */
export function sourceOf(source: { document: string; kana?: string }, language: string): string {
  return nameFor(source.document, source.kana, language)
}
