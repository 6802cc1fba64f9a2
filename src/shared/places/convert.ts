import type { z } from 'zod'
import { BOOL_FALSE, BOOL_TRUE, getPath, setPath, type Column } from './columns'
import { parseCsv, stringifyCsv, type CsvRecord } from './csv'
import { readingProblems } from './readings'

export interface RowError {
  line: number
  message: string
}

export type ParseResult<T> = { ok: true; items: T[] } | { ok: false; errors: RowError[] }

/** Excel turns 2025-06-21 into 2025/6/21 and 09:00 into 9:00; accept both and store the ISO form. */
function normalizeDay(value: string): string {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value
}
function normalizeTime(value: string): string {
  const m = /^(\d{1,2}):(\d{2})(:00)?$/.exec(value)
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : value
}

function cellValue(column: Column, raw: string): { value?: unknown; error?: string } {
  const value = raw.trim()
  if (value === '') return column.required ? { error: `「${column.header}」が空です。` } : {}
  switch (column.kind) {
    case 'bool':
      if (BOOL_TRUE.includes(value)) return { value: true }
      if (BOOL_FALSE.includes(value)) return { value: false }
      return { error: `「${column.header}」は「はい」か「いいえ」で書いてください（いまは「${value}」）。` }
    case 'number': {
      const n = Number(value)
      return Number.isFinite(n) ? { value: n } : { error: `「${column.header}」は数字で書いてください（いまは「${value}」）。` }
    }
    case 'list': {
      const items = value.split(/[;；]/).map((v) => v.trim()).filter(Boolean)
      const bad = items.filter((v) => !column.values?.includes(v))
      if (bad.length > 0) return { error: `「${column.header}」の「${bad.join('、')}」は使えません。使えるのは ${column.values?.join('、')} です（; で区切ります）。` }
      return { value: items }
    }
    case 'day':
      return { value: normalizeDay(value) }
    case 'time':
      return { value: normalizeTime(value) }
    default:
      if (column.values && !column.values.includes(value)) return { error: `「${column.header}」の「${value}」は使えません。使えるのは ${column.values.join('、')} です。` }
      return { value }
  }
}

const SCHEMA_MESSAGES: Record<string, string> = {
  'validation.dateOrRecurrence': '「date」か「recurrence」の、どちらか一つだけを書いてください。',
  'validation.hoursOrder': '「end」が「start」より前です。',
  'validation.readingMissing': '漢字のある名前に読みがありません。',
  'validation.readingMismatch': '読みが名前と合いません。',
  'validation.easyWithoutReading': 'やさしい日本語の漢字に読みがありません。',
}

function headerFor(columns: readonly Column[], path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.')
  const exact = columns.find((c) => c.path.join('.') === key)
  if (exact) return exact.header
  const inside = columns.find((c) => c.path.join('.').startsWith(`${key}.`))
  return inside?.header ?? key
}

function schemaMessage(columns: readonly Column[], issue: z.core.$ZodIssue): string {
  const known = SCHEMA_MESSAGES[issue.message]
  if (known) return known
  const header = headerFor(columns, issue.path)
  if (issue.code === 'invalid_type') return `「${header}」が空です。`
  return `「${header}」の書き方が正しくありません。`
}

/**
 * Turns CSV text into records checked by `schema`. Every bad row is reported with its line number
 * and a reason in Japanese; a caller must write nothing unless `ok` is true.
 */
export function recordsFromCsv<T extends { id: string }>(text: string, columns: readonly Column[], schema: z.ZodType<T>, finish?: (raw: Record<string, unknown>) => void): ParseResult<T> {
  let records: CsvRecord[]
  try {
    records = parseCsv(text)
  } catch (error) {
    return { ok: false, errors: [{ line: (error as { line?: number }).line ?? 1, message: (error as Error).message }] }
  }
  const [head, ...rows] = records
  if (!head) return { ok: false, errors: [{ line: 1, message: '1行目: 見出しの行がありません。' }] }
  const headers = head.cells.map((h) => h.trim())
  const errors: RowError[] = []
  const missing = columns.filter((c) => !headers.includes(c.header)).map((c) => c.header)
  const unknown = headers.filter((h) => !columns.some((c) => c.header === h))
  if (missing.length > 0) errors.push({ line: head.line, message: `${head.line}行目: 見出しに「${missing.join('」「')}」の列がありません。` })
  if (unknown.length > 0) errors.push({ line: head.line, message: `${head.line}行目: 知らない列「${unknown.join('」「')}」があります。` })
  if (errors.length > 0) return { ok: false, errors }

  const items: T[] = []
  const firstLine = new Map<string, number>()
  for (const row of rows) {
    const problems: string[] = []
    if (row.cells.length !== headers.length) {
      errors.push({ line: row.line, message: `${row.line}行目: 列の数が${row.cells.length}個です（見出しは${headers.length}個）。` })
      continue
    }
    const raw: Record<string, unknown> = {}
    for (const column of columns) {
      const { value, error } = cellValue(column, row.cells[headers.indexOf(column.header)] ?? '')
      if (error) problems.push(error)
      else if (value !== undefined) setPath(raw, column.path, value)
    }
    finish?.(raw)
    if (problems.length === 0) problems.push(...readingProblems(columns, raw))
    if (problems.length === 0) {
      const parsed = schema.safeParse(raw)
      if (parsed.success) {
        const earlier = firstLine.get(parsed.data.id)
        if (earlier !== undefined) problems.push(`「id」の「${parsed.data.id}」は${earlier}行目と同じです。`)
        else {
          firstLine.set(parsed.data.id, row.line)
          items.push(parsed.data)
        }
      } else {
        for (const message of new Set(parsed.error.issues.map((issue) => schemaMessage(columns, issue)))) problems.push(message)
      }
    }
    for (const message of problems) errors.push({ line: row.line, message: `${row.line}行目: ${message}` })
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items }
}

function cellText(column: Column, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (column.kind === 'bool') return value ? 'はい' : 'いいえ'
  if (column.kind === 'list') return (value as string[]).join(';')
  return String(value)
}

export function csvFromRecords(items: readonly unknown[], columns: readonly Column[]): string {
  return stringifyCsv([columns.map((c) => c.header), ...items.map((item) => columns.map((c) => cellText(c, getPath(item, c.path))))])
}
