import { useId } from 'react'
import type { ReportTable } from './report-tables'
import styles from './reports.module.css'

/**
 * One of the seeds' tables: a caption, column headers and row headers, so a screen reader reads
 * "電話相談, 当事者, 5". Wide tables scroll inside a focusable region (keyboard users can scroll).
 */
export function ReportTableView({ table }: { table: ReportTable }) {
  const captionId = useId()
  return (
    <div className={styles.tableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-table={table.id} aria-describedby={table.note ? `${captionId}-note` : undefined}>
        <caption id={captionId} className={styles.caption}>
          {table.caption}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column, index) =>
              index === 0 && column === '' ? <td key={index} /> : (
                <th key={index} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label} data-total={row.isTotal || undefined}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? (
        <p id={`${captionId}-note`} className={styles.note}>
          {table.note}
        </p>
      ) : null}
    </div>
  )
}
