import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { AuditEntry } from '@/shared/schemas/audit'
import { AUDIT_PAGE_MAX } from '@/shared/schemas/audit'
import { toCsv } from '../reports/csv'
import { downloadCsv } from '../reports/download'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { actionLabel, auditCsvRows, targetLabel, todayTokyo, tokyoStamp, whoLabel } from './audit-rows'
import { auditText as t } from './audit-text'

interface Range {
  from: string
  to: string
}

/** Every entry of the range, page after page, for the CSV. */
async function allEntries(windowId: string, range: Range): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = []
  let before: number | undefined
  do {
    const page = await staffApi.audit(windowId, { ...range, before, limit: AUDIT_PAGE_MAX })
    entries.push(...page.entries)
    before = page.nextBefore ?? undefined
  } while (before !== undefined)
  return entries
}

/** /staff/audit/:windowId: the window's audit log for its administrators, filtered by date, with CSV. */
export function AuditPage({ windowId }: { windowId: string }) {
  const [range, setRange] = useState<Range>({ from: todayTokyo(-30), to: todayTokyo() })
  const [draft, setDraft] = useState<Range>(range)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await staffApi.audit(windowId, { ...range, before })
        setEntries((shown) => [...(before === undefined ? [] : (shown ?? [])), ...page.entries])
        setNextBefore(page.nextBefore)
        setError(null)
      } catch (caught) {
        setError(errorText(caught))
      }
    },
    [windowId, range],
  )
  useEffect(() => {
    setEntries(null)
    void load()
  }, [load])

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    setRange(draft)
  }
  const save = async () => {
    try {
      const all = await allEntries(windowId, range)
      downloadCsv(t.file(windowId, range.from, range.to), toCsv(auditCsvRows(all)))
      setSaved(t.saved(all.length))
    } catch (caught) {
      setError(errorText(caught))
    }
  }

  return (
    <StaffShell title={t.heading}>
      <h1>{t.heading}</h1>
      <p>{t.lead}</p>
      <form onSubmit={apply}>
        <fieldset className={styles.filters}>
          <legend>{t.filterLegend}</legend>
          <label>
            {t.from}
            <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label>
            {t.to}
            <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <div>
            <button type="submit" className={styles.secondary}>
              {t.apply}
            </button>
          </div>
        </fieldset>
      </form>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="audit-export">
        <h2 id="audit-export">{t.exportHeading}</h2>
        <p>{t.exportSupport}</p>
        <button type="button" className={styles.primary} onClick={() => void save()}>
          {t.save}
        </button>
        <p role="status">{saved}</p>
      </section>
      {entries === null ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <p role="status">{entries.length === 0 ? t.empty : t.count(entries.length, nextBefore !== null)}</p>
          {entries.length > 0 ? (
            <table className={styles.cases} aria-label={t.heading}>
              <thead>
                <tr>
                  {Object.values(t.columns).map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.at}>{tokyoStamp(e.at)}</time>
                    </td>
                    <td>{whoLabel(e)}</td>
                    <td>{actionLabel(e.action)}</td>
                    <td>{e.requestId ? <code title={e.requestId}>{e.requestId.slice(0, 8)}</code> : null}</td>
                    <td>{targetLabel(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {nextBefore !== null ? (
            <button type="button" className={styles.secondary} onClick={() => void load(nextBefore)}>
              {t.more}
            </button>
          ) : null}
        </>
      )}
    </StaffShell>
  )
}
