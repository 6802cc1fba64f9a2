import type { DataText } from '@/shared/schemas/places'

/** Data text in the reader's language; Japanese when that language was not written. */
export function textOf(value: DataText, language: string): string {
  if (language === 'en') return value.en ?? value.ja
  if (language === 'ja-easy') return value['ja-easy'] ?? value.ja
  return value.ja
}
