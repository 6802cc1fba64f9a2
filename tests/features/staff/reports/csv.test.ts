import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { caseRows } from '@/features/staff/reports/case-fields'
import { computeYearReport } from '@/features/staff/reports/compute-report'
import { csvBlob, tablesToRows, toCsv } from '@/features/staff/reports/csv'
import { reportTables } from '@/features/staff/reports/report-tables'
import { reportCaseSchema } from '@/shared/schemas/contact-log'
import { bunkyoCases } from './bunkyo-fixture'

async function readBack(csv: string): Promise<{ bytes: Uint8Array; rows: string[][] }> {
  const bytes = new Uint8Array(await csvBlob(csv).arrayBuffer())
  // As Excel reads it: the BOM says UTF-8; decode without dropping it, to see that it is there.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  expect(text.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ',', skipEmptyLines: false })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.linebreak).toBe('\r\n')
  return { bytes, rows: parsed.data.filter((row) => !(row.length === 1 && row[0] === '')) }
}

describe('CSV（Excel で開ける UTF-8 BOM つき）', () => {
  it('相談実績の表を書き出し、CSV ライブラリで読み戻すと同じ表になる', async () => {
    const cases = bunkyoCases()
    const tables = reportTables([computeYearReport(cases, 2024)])
    const csv = toCsv(tablesToRows('文京区ひきこもり支援センター　令和6年度', tables))
    const { bytes, rows } = await readBack(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)

    expect(rows[0]).toEqual(['文京区ひきこもり支援センター　令和6年度'])
    const at = (caption: string) => rows.findIndex((row) => row[0] === caption)
    const methods = at('相談手法別実績（令和6年度）')
    expect(rows.slice(methods, methods + 10)).toEqual([
      ['相談手法別実績（令和6年度）'],
      ['項目', '件数（延べ数）'],
      ['電話相談', '125'],
      ['メール相談', '2'],
      ['SNS等オンラインによる相談（メール除く）', '0'],
      ['来所相談', '112'],
      ['訪問による相談', '10'],
      ['その他　同行', '3'],
      ['その他　郵便', '1'],
      ['計', '253'],
    ])
    const consulters = at('新規相談　初回相談の相談者（人数）（令和6年度）')
    expect(rows[consulters + 2]).toEqual(['電話相談', '5', '1', '8', '0', '3', '8', '24'])
    expect(rows.find((row) => row[0] === '相談者内訳　家族')).toEqual(['相談者内訳　家族', '58%'])
    // Every table comes back, row for row.
    const expected = tables.flatMap((t) => [[t.caption], t.columns, ...t.rows.map((r) => [r.label, ...r.cells]), ...(t.note ? [[t.note]] : [])])
    expect(rows.slice(1)).toEqual(expected)
  })

  it('案件の CSV: 選んだ列だけ、改行・引用符・カンマを含むメモもそのまま、式に見える文字は無害にする', async () => {
    const risky = reportCaseSchema.parse({
      requestId: '20000000-0000-4000-8000-000000000001',
      createdAt: '2024-04-30T15:30:00Z',
      origin: 'phone',
      status: 'ongoing',
      asker: 'family',
      relation: 'parent',
      ageGroup: '50s',
      nickname: '=1+1,"はは"',
      parentAged80OrOver: true,
      contacts: [
        { id: '20000000-0000-4000-8000-000000000011', date: '2024-05-02', method: 'visit', participants: ['parent', 'person'], notes: '本人も来た。"少し" 話せた,\n次は6月' },
        { id: '20000000-0000-4000-8000-000000000012', date: '2024-05-01', method: 'phone', participants: ['parent'] },
      ],
    })
    const rows = caseRows([risky], ['nickname', 'createdAt', 'asker', 'relation', 'contactLog', 'notes', 'parentAged80OrOver'], 2024)
    const { rows: back } = await readBack(toCsv(rows))
    expect(back).toEqual([
      ['受付日', '相談者', '続柄', '親が80歳以上', '相談記録（日付・手法・参加者）', 'ニックネーム', '相談記録のメモ'],
      [
        '2024-05-01',
        '家族',
        '親',
        'はい',
        '2024-05-01 電話（親）\n2024-05-02 来所（親・当事者）',
        `'=1+1,"はは"`,
        '2024-05-02 本人も来た。"少し" 話せた,\n次は6月',
      ],
    ])
  })

  it('案件の CSV は、その年度に相談があったか受け付けた案件だけ', () => {
    const cases = bunkyoCases()
    const rows = caseRows(cases, ['requestId'], 2024)
    expect(rows[0]).toEqual(['案件ID'])
    // 71 with contacts in the year, plus the unanswered booking of 2025-03-30 and the one opened on 2025-03-31 (JST).
    expect(rows.length - 1).toBe(73)
    expect(rows.flat()).not.toContain('00000000-0000-4000-8000-000000000902')
  })
})

describe('相談記録のスキーマ', () => {
  const entry = { id: '30000000-0000-4000-8000-000000000001', date: '2024-05-01', method: 'phone', participants: ['person'] }
  const base = { requestId: '30000000-0000-4000-8000-000000000002', createdAt: '2024-05-01T10:00:00+09:00', origin: 'online', asker: 'self', relation: null, ageGroup: null, contacts: [entry] }

  it('正しい記録を受け取り、80歳以上の印はなければ false', () => {
    expect(reportCaseSchema.parse(base).parentAged80OrOver).toBe(false)
  })

  it('知らない手法、参加者なし、同じ参加者の重複、日付でない日付は、i18n キーで断る', () => {
    const bad = [
      { ...entry, method: 'fax' },
      { ...entry, participants: [] },
      { ...entry, participants: ['parent', 'parent'] },
      { ...entry, date: '2024/05/01' },
    ]
    for (const contact of bad) {
      const result = reportCaseSchema.safeParse({ ...base, contacts: [contact] })
      expect(result.success).toBe(false)
      expect(result.error!.issues[0]!.message).toMatch(/^validation\./)
    }
  })
})
