/** One CSV record and the physical line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number
  cells: string[]
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`${line}行目: 引用符（"）が閉じていません。`)
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF and LF both end a record. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let quoteStartLine = 1
  let i = 0
  const endCell = () => {
    cells.push(cell)
    cell = ''
  }
  const endRecord = () => {
    endCell()
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells })
    cells = []
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (ch === '\n') line++
        cell += ch
      }
      i++
      continue
    }
    if (ch === '"' && cell === '') {
      quoted = true
      quoteStartLine = line
    } else if (ch === ',') endCell()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRecord()
      i++
      line++
      recordLine = line
    } else if (ch === '\n' || ch === '\r') {
      endRecord()
      line++
      recordLine = line
    } else cell += ch
    i++
  }
  if (quoted) throw new CsvSyntaxError(quoteStartLine)
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** CRLF line ends, as Excel writes them. */
export function stringifyCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'
}

export const UTF8_BOM = '\uFEFF'

/** Excel saves "CSV UTF-8" with a BOM and plain "CSV" as Shift_JIS; anything that is not valid UTF-8 is read as Shift_JIS. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' }
  }
}
