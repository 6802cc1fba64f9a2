import { describe, expect, it } from 'vitest'
import { computeYearReport } from '@/features/staff/reports/compute-report'
import { fiscalYearLabel, fiscalYearOf } from '@/features/staff/reports/fiscal-year'
import { reportCaseFrom } from '@/features/staff/reports/report-case'
import { reportTables } from '@/features/staff/reports/report-tables'
import { type ContactLogEntry, type ContactMethod, reportCaseSchema } from '@/shared/schemas/contact-log'
import { BUNKYO_R6, bunkyoCases } from './bunkyo-fixture'

const cell = (tables: ReturnType<typeof reportTables>, id: string, label: string) =>
  tables.find((t) => t.id === id)!.rows.find((r) => r.label === label)!.cells

describe('年度', () => {
  it('4月から翌年3月まで、令和で名づける', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026)
    expect(fiscalYearOf('2026-03-31')).toBe(2025)
    expect(fiscalYearLabel(fiscalYearOf('2026-04-15'))).toBe('令和8年度')
    expect(fiscalYearLabel(2024)).toBe('令和6年度')
    expect(fiscalYearLabel(2019)).toBe('令和元年度')
  })
})

describe('文京区 令和6年度の相談実績を、案件から作りなおす', () => {
  const cases = bunkyoCases()
  const report = computeYearReport(cases, BUNKYO_R6.fiscalYear)
  const tables = reportTables([computeYearReport(cases, 2023), report])

  it('延べ 253件、新規 47件、実人数 71人', () => {
    expect([report.total, report.newCases, report.activeCases]).toEqual([BUNKYO_R6.total, BUNKYO_R6.newCases, BUNKYO_R6.activeCases])
    expect(cell(tables, 'summary', '延べ相談（件）')[1]).toBe('253')
    expect(cell(tables, 'summary', '新規相談（件）')[1]).toBe('47')
  })

  it('相談者内訳は 本人 23%、家族 58%、その他 20%', () => {
    expect(tables[0]!.columns).toEqual(['', '令和5年度', '令和6年度'])
    expect([cell(tables, 'summary', '相談者内訳　本人')[1], cell(tables, 'summary', '相談者内訳　家族')[1], cell(tables, 'summary', '相談者内訳　その他')[1]]).toEqual(['23%', '58%', '20%'])
  })

  it('新規相談 初回相談の相談者は、文京区の表と同じ（ほかの手法の行は 0）', () => {
    const row = (label: string) => cell(tables, 'consulters', label).map(Number)
    expect(row('電話相談')).toEqual(BUNKYO_R6.consulters.phone)
    expect(row('来所相談')).toEqual(BUNKYO_R6.consulters.visit)
    expect(row('訪問相談')).toEqual(BUNKYO_R6.consulters.outreach)
    expect(row('計')).toEqual(BUNKYO_R6.consulters.total)
    for (const other of ['メール相談', 'SNS等オンラインによる相談', '同行', '郵便']) expect(row(other)).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(tables.find((t) => t.id === 'consulters')!.columns).toEqual([
      '項目', '当事者', '当事者のうち、50歳以上', '親', '親のうち、80歳以上', '兄弟姉妹', 'そのほか、不明等', '小計',
    ])
  })

  it('相談手法別実績（延べ数）は 電話 125、メール 2、SNS等 0、同行 3、郵便 1、計 253', () => {
    const methods = tables.find((t) => t.id === 'methods')!
    expect(methods.rows.map((r) => [r.label, r.cells[0]])).toEqual([
      ['電話相談', '125'],
      ['メール相談', '2'],
      ['SNS等オンラインによる相談（メール除く）', '0'],
      ['来所相談', '112'],
      ['訪問による相談', '10'],
      ['その他　同行', '3'],
      ['その他　郵便', '1'],
      ['計', '253'],
    ])
  })

  it('年代別の実相談人数は 8・13・11・16・20・3、計 71', () => {
    const ages = tables.find((t) => t.id === 'ages')!
    expect(ages.rows.map((r) => [r.label, Number(r.cells[0])])).toEqual([
      ['10代', 8], ['20代', 13], ['30代', 11], ['40代', 16], ['50代以上', 20], ['年齢不明', 3], ['計', 71],
    ])
  })

  it('月別の表は、12か月を足すと年度の数になる', () => {
    const months = tables.find((t) => t.id === 'months')!
    expect(months.caption).toBe('月別の相談実績（令和6年度）')
    expect(months.rows.map((r) => r.label)).toEqual(['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '計'])
    const body = months.rows.slice(0, 12).map((r) => r.cells.map(Number))
    const sums = body[0]!.map((_, column) => body.reduce((sum, row) => sum + row[column]!, 0))
    expect(sums).toEqual(months.rows[12]!.cells.map(Number))
    expect(months.rows[12]!.cells.map(Number)).toEqual([253, 47, 125, 2, 0, 112, 10, 3, 1])
  })
})

describe('数え方', () => {
  const base = { createdAt: '2026-03-31T16:00:00Z', origin: 'online', asker: 'family', relation: 'parent', ageGroup: '50s' } as const
  const entry = (n: number, date: string, method: ContactMethod): ContactLogEntry => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, date, method, participants: ['parent'] })
  const make = (n: number, contacts: ContactLogEntry[]) => reportCaseSchema.parse({ ...base, requestId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, contacts })

  it('年度の境目: 3月31日は前の年度、4月1日からが令和8年度。ビデオはオンラインに数える', () => {
    const cases = [make(1, [entry(1, '2026-03-31', 'phone'), entry(2, '2026-04-01', 'video')]), make(2, [entry(3, '2026-05-10', 'email'), entry(4, '2026-05-12', 'video')])]
    const r8 = computeYearReport(cases, 2026)
    expect([r8.total, r8.newCases, r8.activeCases]).toEqual([3, 1, 2])
    expect(r8.byMethod.online).toBe(2)
    expect(r8.months[0]).toMatchObject({ month: 4, total: 1, newCases: 0 })
    expect(r8.months[1]).toMatchObject({ month: 5, total: 2, newCases: 1 })
    expect(r8.firstConsulters.email.parent).toBe(1)
    const r7 = computeYearReport(cases, 2025)
    expect([r7.total, r7.newCases]).toEqual([1, 1])
  })

  it('相談がまだない年度は、割合を「—」にする', () => {
    const tables = reportTables([computeYearReport([], 2030)])
    expect(cell(tables, 'summary', '相談者内訳　本人')).toEqual(['—'])
    expect(cell(tables, 'summary', '延べ相談（件）')).toEqual(['0'])
  })

  it('受信箱の案件（要約と復号した申し込み）と相談記録から、数える形を作る', () => {
    const c = reportCaseFrom({
      summary: { requestId: '40000000-0000-4000-8000-000000000001', createdAt: '2026-04-02T01:00:00Z', status: 'ongoing' },
      payload: { asker: 'family', relation: 'parent', ageGroup: '50s', nickname: 'はは' },
      contacts: [entry(9, '2026-04-03', 'video')],
      parentAged80OrOver: true,
    })
    expect(c).toMatchObject({ origin: 'online', parentAged80OrOver: true, status: 'ongoing' })
    expect(computeYearReport([c], 2026).firstConsulters.online).toMatchObject({ parent: 1, parent80Plus: 1 })
  })
})
