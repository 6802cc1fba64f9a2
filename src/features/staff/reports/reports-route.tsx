import { useEffect, useState } from 'react'
import { deployment } from '@/lib/deployment'
import type { ReportCase } from '@/shared/schemas/contact-log'
import { useCases } from '../inbox/cases-context'
import { openMessages } from '../inbox/decrypt-case'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { reportCaseFrom } from './report-case'
import { ReportsPage } from './reports-page'

/**
 * The Reports page of one window, fed from the cases this device decrypted and each case's contact
 * log, opened here too. Everything stays in memory; the server only ever hands out ciphertext.
 */
export function ReportsRoute({ windowId }: { windowId: string }) {
  const { cases, loaded, keyFor } = useCases()
  const key = keyFor(windowId)
  const [report, setReport] = useState<{ cases: ReportCase[]; unreadable: number } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const windowName = deployment.windows.find((w) => w.id === windowId)?.name.ja ?? windowId

  useEffect(() => {
    if (!loaded) return
    let live = true
    const mine = cases.filter((c) => c.summary.windowId === windowId)
    const readable = mine.flatMap((c) => (c.payload ? [{ summary: c.summary, payload: c.payload }] : []))
    Promise.all(
      readable.map(async ({ summary, payload }) => {
        const detail = await staffApi.caseDetail(windowId, summary.requestId)
        const opened = await openMessages(detail, payload, key?.pair ?? null)
        const contacts = opened.flatMap((m) => (m.contact ? [{ id: m.contact.id, date: m.contact.date, method: m.contact.method, participants: m.contact.participants }] : []))
        return reportCaseFrom({ summary, payload, contacts, origin: summary.origin })
      }),
    ).then(
      (built) => live && setReport({ cases: built, unreadable: mine.length - readable.length }),
      (caught: unknown) => live && setError(caught),
    )
    return () => {
      live = false
    }
  }, [cases, loaded, key, windowId])

  if (report) return <StaffShell title={st('nav.reports')}><ReportsPage cases={report.cases} windowName={windowName} unreadable={report.unreadable} /></StaffShell>
  return (
    <StaffShell title={st('nav.reports')}>
      <h1>{st('nav.reports')}</h1>
      {error ? (
        <p className={styles.error} role="alert">
          {errorText(error)}
        </p>
      ) : (
        <p role="status">{st('reportsLoading')}</p>
      )}
    </StaffShell>
  )
}
