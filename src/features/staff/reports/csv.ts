import type { ReportTable } from './report-tables'

/**
 * CSV as Excel opens it: UTF-8 with a byte order mark (without it Excel reads Shift_JIS and the
 * Japanese turns to mojibake), CRLF line ends, every field in double quotes with inner quotes
 * doubled, so commas and line breaks inside a field survive.
 */
export const BOM = '\uFEFF'

/**
 * A cell that starts with = + - @ or a tab is a formula to Excel (CSV injection): a nickname or a
 * note could run one on the staff computer. A leading apostrophe makes Excel show it as text.
 */
function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map((cell) => `"${defuse(cell).replaceAll('"', '""')}"`).join(',')).join('\r\n') + '\r\n'
}

/** Every table one after the other, each under its caption and separated by an empty line. */
export function tablesToRows(title: string, tables: readonly ReportTable[]): string[][] {
  const rows: string[][] = [[title]]
  for (const table of tables) {
    rows.push([], [table.caption], table.columns, ...table.rows.map((row) => [row.label, ...row.cells]))
    if (table.note) rows.push([table.note])
  }
  return rows
}

export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' })
}
