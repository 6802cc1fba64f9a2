import { hasKanji, kanjiWithoutReading, rubyFromReading } from '../furigana'
import { getPath, type Column } from './columns'

const EXAMPLE = '例: 豊島区ひきこもり相談窓口 → としまく ひきこもり そうだん まどぐち'

/**
 * Readings that やさしい日本語 pages need, checked per row before anything is written: a name with
 * kanji needs its kana reading, the reading must fit the name (its kana the same), and every kanji
 * of a `_easy` text needs `{漢字|かんじ}`.
 */
export function readingProblems(columns: readonly Column[], raw: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const column of columns) {
    const value = getPath(raw, column.path)
    if (column.easy && typeof value === 'string') {
      const bare = kanjiWithoutReading(value)
      if (bare.length > 0) problems.push(`「${column.header}」の漢字「${bare.join('')}」に読みがありません。{漢字|かんじ} の形で書いてください。`)
    }
    if (!column.readingOf) continue
    const base = columns.find((c) => c.header === column.readingOf)
    const text = base ? getPath(raw, base.path) : undefined
    if (typeof text !== 'string') continue
    if (value === undefined) {
      if (hasKanji(text)) problems.push(`「${column.readingOf}」に漢字があるのに、読み「${column.header}」が空です。ひらがなかカタカナで読みを書いてください（${EXAMPLE}）。`)
    } else if (typeof value === 'string' && rubyFromReading(text, value) === null) {
      problems.push(`「${column.header}」の「${value}」は「${column.readingOf}」の「${text}」の読みになっていません。名前のひらがな・カタカナの部分が、読みにも同じ順で入っているか確かめてください。`)
    }
  }
  return problems
}
