export type CellKind = 'text' | 'bool' | 'number' | 'list' | 'day' | 'time' | 'const'

/** One CSV column: where its value lives in the JSON record, and how it is written. */
export interface Column {
  header: string
  path: readonly string[]
  kind: CellKind
  /** Allowed ids for 'list' and enum-like 'text' columns. */
  values?: readonly string[]
  /** Columns that must be filled for a valid row (the others may stay empty). */
  required?: boolean
  /** A kana reading column: the header of the column it reads (required when that one has kanji). */
  readingOf?: string
  /** A やさしい日本語 column: every kanji needs `{漢字|かんじ}`. */
  easy?: boolean
}

const text = (header: string, path: string[], required = false): Column => ({ header, path, kind: 'text', required })

/**
 * A data text becomes three columns: Japanese, やさしい日本語 (`_easy`) and English (`_en`); a name
 * also gets its kana reading (`_kana`) after the Japanese.
 */
export function textColumns(header: string, path: string[], required = false, reading = false): Column[] {
  return [
    text(header, [...path, 'ja'], required),
    ...(reading ? [readingColumn(header, [...path, 'kana'])] : []),
    { ...text(`${header}_easy`, [...path, 'ja-easy']), easy: true },
    text(`${header}_en`, [...path, 'en']),
  ]
}

export function readingColumn(of: string, path: string[]): Column {
  return { ...text(`${of}_kana`, path), readingOf: of }
}

export const BOOL_TRUE = ['はい', 'TRUE', 'true', '1', '○']
export const BOOL_FALSE = ['いいえ', 'FALSE', 'false', '0', '×']

export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1] as string] = value
}

export function getPath(source: unknown, path: readonly string[]): unknown {
  let node = source
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
