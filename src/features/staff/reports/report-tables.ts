import { ageBands, askerKinds, consulterColumns, consulterSubtotal, originKinds, percentOf, reportMethods, type YearReport } from './compute-report'
import { fiscalYearLabel } from './fiscal-year'
import { ageLabels, consulterLabels, methodLabels, monthLabels, originLabels, summaryLabels } from './report-labels'

/**
 * A table as the page shows it and the CSV writes it: one header row (the first column heads the
 * row labels), then rows led by their label. Cells are text so both show the same thing ("23%").
 */
export interface ReportTable {
  id: 'summary' | 'consulters' | 'methods' | 'ages' | 'origins' | 'months'
  caption: string
  columns: string[]
  rows: Array<{ label: string; cells: string[]; isTotal?: boolean }>
  note?: string
}

const text = (n: number) => String(n)
const percent = (count: number, total: number) => {
  const value = percentOf(count, total)
  return value === null ? '—' : `${value}%`
}

/** 相談実績 over several 年度 side by side, as Bunkyo prints three years. */
export function summaryTable(reports: readonly YearReport[]): ReportTable {
  return {
    id: 'summary',
    caption: summaryLabels.caption,
    columns: ['', ...reports.map((r) => fiscalYearLabel(r.fiscalYear))],
    rows: [
      { label: summaryLabels.total, cells: reports.map((r) => text(r.total)) },
      { label: summaryLabels.newCases, cells: reports.map((r) => text(r.newCases)) },
      { label: summaryLabels.activeCases, cells: reports.map((r) => text(r.activeCases)) },
      ...askerKinds.map((kind) => ({ label: summaryLabels.askers[kind], cells: reports.map((r) => percent(r.askers[kind], r.activeCases)) })),
    ],
  }
}

function consultersTable(r: YearReport, year: string): ReportTable {
  const total = Object.fromEntries(consulterColumns.map((c) => [c, reportMethods.reduce((sum, m) => sum + r.firstConsulters[m][c], 0)])) as YearReport['firstConsulters']['phone']
  const row = (cells: typeof total) => [...consulterColumns.map((c) => text(cells[c])), text(consulterSubtotal(cells))]
  return {
    id: 'consulters',
    caption: `${consulterLabels.caption}（${year}）`,
    columns: [consulterLabels.item, ...consulterColumns.map((c) => consulterLabels.columns[c]), consulterLabels.subtotal],
    rows: [
      ...reportMethods.map((m) => ({ label: consulterLabels.rows[m], cells: row(r.firstConsulters[m]) })),
      { label: consulterLabels.total, cells: row(total), isTotal: true },
    ],
  }
}

function methodsTable(r: YearReport, year: string): ReportTable {
  return {
    id: 'methods',
    caption: `${methodLabels.caption}（${year}）`,
    columns: [methodLabels.item, methodLabels.count],
    rows: [
      ...reportMethods.map((m) => ({ label: methodLabels.rows[m], cells: [text(r.byMethod[m])] })),
      { label: methodLabels.total, cells: [text(r.total)], isTotal: true },
    ],
    note: methodLabels.note,
  }
}

function agesTable(r: YearReport, year: string): ReportTable {
  return {
    id: 'ages',
    caption: `${ageLabels.caption}（${year}）`,
    columns: [ageLabels.item, ageLabels.count],
    rows: [
      ...ageBands.map((band) => ({ label: ageLabels.rows[band], cells: [text(r.byAge[band])] })),
      { label: ageLabels.total, cells: [text(r.activeCases)], isTotal: true },
    ],
  }
}

function originsTable(r: YearReport, year: string): ReportTable {
  return {
    id: 'origins',
    caption: `${originLabels.caption}（${year}）`,
    columns: [originLabels.item, originLabels.count],
    rows: [
      ...originKinds.map((o) => ({ label: originLabels.rows[o], cells: [text(r.newByOrigin[o])] })),
      { label: originLabels.total, cells: [text(r.newCases)], isTotal: true },
    ],
  }
}

export function monthsTable(r: YearReport): ReportTable {
  const cells = (row: Pick<YearReport['months'][number], 'total' | 'newCases' | 'byMethod'>) => [
    text(row.total),
    text(row.newCases),
    ...reportMethods.map((m) => text(row.byMethod[m])),
  ]
  return {
    id: 'months',
    caption: `${monthLabels.caption}（${fiscalYearLabel(r.fiscalYear)}）`,
    columns: [monthLabels.month, monthLabels.total, monthLabels.newCases, ...reportMethods.map((m) => monthLabels.methods[m])],
    rows: [
      ...r.months.map((row) => ({ label: monthLabels.monthName(row.month), cells: cells(row) })),
      { label: monthLabels.sum, cells: cells(r), isTotal: true },
    ],
  }
}

/**
 * Every table of a 年度: the summary shows it with the two years before (as the seeds do), the
 * others show the chosen year, last the months.
 */
export function reportTables(reports: readonly YearReport[]): ReportTable[] {
  const current = reports[reports.length - 1]
  if (!current) return []
  const year = fiscalYearLabel(current.fiscalYear)
  return [summaryTable(reports), consultersTable(current, year), methodsTable(current, year), agesTable(current, year), originsTable(current, year), monthsTable(current)]
}
