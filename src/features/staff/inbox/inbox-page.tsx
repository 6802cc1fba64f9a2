import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { deployment } from '@/lib/deployment'
import { caseStatuses } from '@/shared/schemas/case-status'
import { askers } from '@/shared/schemas/booking-payload'
import { consultationModes } from '@/shared/schemas/common'
import { KeyStatus } from '../keys/key-status'
import type { WindowKey } from '../keys/use-my-keys'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { askerLabel, concernLabel, tokyoDateTime } from './case-labels'
import { useCases } from './cases-context'
import { emptyFilter, filterCases, type CaseFilter } from './filter-cases'
import { tellText } from '../availability/availability-text'

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: Array<[string, string]>; onChange: (v: string) => void }) {
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

export function InboxPage({ keys }: { keys: WindowKey[] }) {
  const { cases, loaded, error, fresh, acknowledge } = useCases()
  const [filter, setFilter] = useState<CaseFilter>(emptyFilter)
  const shown = useMemo(() => filterCases(cases, filter), [cases, filter])
  const set = (part: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...part }))
  const title = fresh > 0 ? st('inbox.titleNew', { count: fresh }) : st('inbox.title')
  const all: [string, string] = ['all', st('inbox.all')]

  return (
    <StaffShell title={title}>
      <h1>
        {st('inbox.title')}
        {fresh > 0 ? <span className={styles.badge}>{st('inbox.newBadge', { count: fresh })}</span> : null}
      </h1>
      {fresh > 0 ? (
        <button type="button" className={styles.secondary} onClick={acknowledge}>
          {st('inbox.showNew')}
        </button>
      ) : null}
      <KeyStatus keys={keys} />
      {error ? (
        <p className={styles.error} role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <p className={styles.hint}>{st('inbox.memoryOnly')}</p>
      <fieldset className={styles.filters}>
        <legend>{st('inbox.filters')}</legend>
        <label htmlFor="case-search">
          {st('inbox.search')}
          <input id="case-search" type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
        </label>
        <Select id="case-status" label={st('inbox.status')} value={filter.status} onChange={(v) => set({ status: v as CaseFilter['status'] })} options={[['open', st('inbox.open')], all, ...caseStatuses.map((s): [string, string] => [s, st(`statuses.${s}`)])]} />
        <Select id="case-mode" label={st('inbox.mode')} value={filter.mode} onChange={(v) => set({ mode: v })} options={[all, ...consultationModes.map((m): [string, string] => [m, st(`modes.${m}`)])]} />
        <Select id="case-asker" label={st('inbox.asker')} value={filter.asker} onChange={(v) => set({ asker: v })} options={[all, ...askers.map((a): [string, string] => [a, st(`askers.${a}`)])]} />
        <label htmlFor="case-from">
          {st('inbox.from')}
          <input id="case-from" type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
      </fieldset>
      <p role="status">{loaded ? st('inbox.count', { count: shown.length }) : null}</p>
      {loaded && shown.length === 0 ? <p>{st('inbox.none')}</p> : null}
      {shown.length > 0 ? (
        <table className={styles.cases}>
          <thead>
            <tr>
              <th scope="col">{st('case.nickname')}</th>
              <th scope="col">{st('inbox.received')}</th>
              <th scope="col">{st('inbox.asker')}</th>
              <th scope="col">{st('inbox.mode')}</th>
              <th scope="col">{st('inbox.slot')}</th>
              <th scope="col">{st('case.concerns')}</th>
              <th scope="col">{st('inbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ summary, payload }) => (
              <tr key={summary.requestId}>
                <td data-label={st('case.nickname')}>
                  <Link to={`/staff/cases/${summary.windowId}/${summary.requestId}`}>{payload ? payload.nickname : st('inbox.cannotOpen')}</Link>
                  {summary.unreadFollowUps > 0 ? <span className={styles.badge}>{st('inbox.unread', { count: summary.unreadFollowUps })}</span> : null}
                  {summary.slotNotice?.tellPerson ? <span className={styles.badge}>{tellText.badge}</span> : null}
                  {keys.length > 1 ? <div className={styles.hint}>{deployment.windows.find((w) => w.id === summary.windowId)?.name.ja}</div> : null}
                </td>
                <td data-label={st('inbox.received')}>{tokyoDateTime(summary.createdAt)}</td>
                <td data-label={st('inbox.asker')}>{payload ? st('inbox.askerWithAge', { asker: askerLabel(payload), age: payload.ageGroup ? st(`ages.${payload.ageGroup}`) : '' }) : ''}</td>
                <td data-label={st('inbox.mode')}>{st(`modes.${summary.mode}`)}</td>
                <td data-label={st('inbox.slot')}>{summary.slot ? tokyoDateTime(summary.slot.start) : st('inbox.noSlot')}</td>
                <td data-label={st('case.concerns')}>{payload?.mainConcern ? st('inbox.mainConcern', { concern: concernLabel(payload.mainConcern) }) : payload?.concerns.map(concernLabel).join(st('listSeparator'))}</td>
                <td data-label={st('inbox.status')}>{st(`statuses.${summary.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </StaffShell>
  )
}
