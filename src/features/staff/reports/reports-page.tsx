import { useMemo, useRef, useState } from 'react'
import type { ReportCase } from '@/shared/schemas/contact-log'
import { type CaseField, caseRows } from './case-fields'
import { CaseExportDialog } from './case-export-dialog'
import { computeYearReport } from './compute-report'
import { tablesToRows, toCsv } from './csv'
import { downloadCsv } from './download'
import { fiscalYearLabel, fiscalYearOf, tokyoDate } from './fiscal-year'
import { ReportTableView } from './report-table'
import { reportTables } from './report-tables'
import { reportsText as text } from './reports-text'
import staffStyles from '../staff.module.css'
import styles from './reports.module.css'

export interface ReportsPageProps {
  /** The window's cases, decrypted on this device (never sent anywhere from here). */
  cases: readonly ReportCase[]
  /** The window's name, for the heading, the CSV title and the file names. */
  windowName: string
  /** Cases this device's key cannot open: they are not counted, and the page says so. */
  unreadable?: number
}

/** Every 年度 from the earliest case to this one, newest first. */
function yearsOf(cases: readonly ReportCase[], current: number): number[] {
  let first = current
  let last = current
  for (const c of cases) {
    for (const year of [fiscalYearOf(tokyoDate(c.createdAt)), ...c.contacts.map((e) => fiscalYearOf(e.date))]) {
      first = Math.min(first, year)
      last = Math.max(last, year)
    }
  }
  return Array.from({ length: last - first + 1 }, (_, i) => last - i)
}

export function ReportsPage({ cases, windowName, unreadable = 0 }: ReportsPageProps) {
  const current = fiscalYearOf(tokyoDate(new Date().toISOString()))
  const years = useMemo(() => yearsOf(cases, current), [cases, current])
  const [year, setYear] = useState(current)
  const [exporting, setExporting] = useState(false)
  const [saved, setSaved] = useState('')
  const opener = useRef<HTMLButtonElement>(null)

  const tables = useMemo(() => {
    // As the seeds: the chosen 年度 beside up to two before it, but never a year before any case.
    const earliest = years[years.length - 1] ?? year
    const shown = [year - 2, year - 1, year].filter((y) => y >= earliest)
    return reportTables(shown.map((y) => computeYearReport(cases, y)))
  }, [cases, year, years])
  const label = fiscalYearLabel(year)

  const saveTables = () => {
    downloadCsv(text.tablesFile(label, windowName), toCsv(tablesToRows(text.csvTitle(windowName, label), tables)))
    setSaved(text.tablesSaved)
  }
  const closeDialog = () => {
    setExporting(false)
    opener.current?.focus()
  }
  const saveCases = (fields: CaseField[]) => {
    downloadCsv(text.casesFile(label, windowName), toCsv(caseRows(cases, fields, year)))
    setSaved(text.casesSaved)
    closeDialog()
  }

  return (
    <div className={styles.page}>
      <h1>
        {text.heading}
        <span className={styles.windowName}>{windowName}</span>
      </h1>
      <p>{text.lead}</p>
      {unreadable > 0 ? <p className={staffStyles.notice}>{text.unreadable(unreadable)}</p> : null}
      <div className={styles.yearField}>
        <label htmlFor="report-year" className={styles.label}>
          {text.yearLabel}
        </label>
        <p id="report-year-support" className={styles.support}>
          {text.yearSupport}
        </p>
        <select
          id="report-year"
          className={styles.select}
          aria-describedby="report-year-support"
          value={year}
          onChange={(event) => {
            setYear(Number(event.currentTarget.value))
            setSaved('')
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}
            </option>
          ))}
        </select>
        <p className={styles.support}>{text.caseCount(cases.length)}</p>
      </div>
      <details className={styles.definitions}>
        <summary>{text.definitionsSummary}</summary>
        <ul>
          {text.definitions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>

      <section aria-labelledby="report-export-heading" className={styles.export}>
        <h2 id="report-export-heading">{text.exportHeading}</h2>
        <p className={styles.support}>{text.exportSupport}</p>
        <div className={`${staffStyles.actions} ${styles.actions}`}>
          <button type="button" className={staffStyles.primary} onClick={saveTables}>
            {text.saveTables}
          </button>
          <button type="button" ref={opener} className={staffStyles.secondary} aria-expanded={exporting} onClick={() => setExporting(true)}>
            {text.saveCases}
          </button>
        </div>
        {exporting ? <CaseExportDialog onSave={saveCases} onCancel={closeDialog} /> : null}
        <p role="status" className={styles.saved}>
          {saved}
        </p>
      </section>

      <section aria-labelledby="report-tables-heading">
        <h2 id="report-tables-heading">{text.tablesHeading}</h2>
        {tables.map((table) => (
          <ReportTableView key={table.id} table={table} />
        ))}
      </section>
    </div>
  )
}
