import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import bookingJa from '@/locales/ja/booking.json'
import { deployment } from '@/lib/deployment'
import type { BookingPayload } from '@/shared/schemas/booking-payload'
import type { CaseDetail } from '@/shared/schemas/staff'
import { askerLabel, concernLabel } from '../inbox/case-labels'
import { useCases } from '../inbox/cases-context'
import { openCase, openMessages, type OpenedMessage } from '../inbox/decrypt-case'
import { caseWords } from '../reports/report-labels'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import staff from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { windowName } from './handover-panel'
import { handoverText } from './handover-text'
import styles from './tsunagu-sheet.module.css'

const t = handoverText.sheet
const reiwa = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' })
const eraDate = (iso: string) => reiwa.format(new Date(iso.length === 10 ? `${iso}T12:00:00+09:00` : iso))
const concernIds = Object.keys((bookingJa as { concern: Record<string, string> }).concern)

function contactLine(p: BookingPayload): string {
  if (p.contact.kind === 'email') return st('case.contactEmail', { email: p.contact.email })
  if (p.contact.kind === 'phone') return st('case.contactPhone', { phone: p.contact.phone, times: p.contact.safeTimes })
  return st('case.contactNone')
}

function Sheet({ detail, payload, messages }: { detail: CaseDetail; payload: BookingPayload; messages: OpenedMessage[] }) {
  const consent = messages.filter((m) => m.consent).at(-1)?.consent ?? null
  const contacts = messages.flatMap((m) => (m.contact ? [m.contact] : []))
  const win = deployment.windows.find((w) => w.id === detail.windowId)
  return (
    <article className={styles.sheet} aria-labelledby="sheet-title">
      <h1 id="sheet-title">
        {t.title} {t.subtitle}
      </h1>
      <table>
        <tbody>
          <tr><th scope="row">{t.id}</th><td>{detail.requestId.slice(0, 8)}</td></tr>
          <tr><th scope="row">{t.received}</th><td>{eraDate(detail.createdAt)}</td></tr>
          <tr><th scope="row">{t.receiver}</th><td>{t.receiverLine(windowName(detail.windowId), win?.phone ?? null)}</td></tr>
        </tbody>
      </table>
      <h2>{t.consentHeading}</h2>
      <p>{t.consentText}</p>
      {consent ? (
        <table>
          <tbody>
            <tr><th scope="row">{handoverText.consent.date}</th><td>{eraDate(consent.givenOn)}</td></tr>
            <tr><th scope="row">{handoverText.consent.method}</th><td>{handoverText.consent.methods[consent.method]}</td></tr>
            <tr><th scope="row">{handoverText.consent.scope}</th><td className={styles.pre}>{consent.scope}</td></tr>
          </tbody>
        </table>
      ) : (
        <p>{t.consentNone}</p>
      )}
      <h2>{t.personHeading}</h2>
      <p>{t.noName}</p>
      <table>
        <tbody>
          <tr><th scope="row">{t.nickname}</th><td>{payload.nickname}</td></tr>
          <tr><th scope="row">{t.age}</th><td>{payload.ageGroup ? st(`ages.${payload.ageGroup}`) : st('ages.unknown')}</td></tr>
          <tr><th scope="row">{t.asker}</th><td>{askerLabel(payload)}</td></tr>
          <tr><th scope="row">{t.contact}</th><td>{contactLine(payload)}</td></tr>
        </tbody>
      </table>
      <h2>{t.concernsHeading}</h2>
      <p>{t.mainNote}</p>
      <ul className={styles.concerns}>
        {concernIds.map((id) => (
          <li key={id}>
            <span className={styles.mark}>{payload.mainConcern === id ? t.mainMark : payload.concerns.includes(id) ? t.mark : ''}</span>
            {concernLabel(id)}
          </li>
        ))}
      </ul>
      <h3>{t.message}</h3>
      <p className={styles.pre}>{payload.message}</p>
      <h2>{t.contactsHeading}</h2>
      {contacts.length === 0 ? <p>{t.noContacts}</p> : null}
      <ul>
        {contacts.map((c) => (
          <li key={c.id} className={styles.pre}>
            {eraDate(c.date)} {caseWords.method[c.method]} {t.participants(c.participants.map((p) => caseWords.participant[p]))}
            {c.notes ? `\n${c.notes}` : ''}
          </li>
        ))}
      </ul>
      {detail.handovers?.length ? (
        <>
          <h2>{t.historyHeading}</h2>
          <ul>
            {detail.handovers.map((h) => (
              <li key={h.at}>{t.handed(windowName(h.fromWindowId), windowName(h.toWindowId), eraDate(h.at))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  )
}

/** The case in the fields of Tokyo's 「つなぐ」シート (相談申込・受付票), for windows that still work on paper. */
export function TsunaguSheetPage({ windowId, requestId }: { windowId: string; requestId: string }) {
  const { keyFor } = useCases()
  const key = keyFor(windowId)?.pair ?? null
  const [state, setState] = useState<{ detail: CaseDetail; payload: BookingPayload | null; messages: OpenedMessage[] } | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    void (async () => {
      try {
        const detail = await staffApi.caseDetail(windowId, requestId)
        const { payload } = await openCase(detail, key)
        setState({ detail, payload, messages: await openMessages(detail, payload, key) })
      } catch (caught) {
        setError(caught)
      }
    })()
  }, [windowId, requestId, key])

  return (
    <StaffShell title={t.title}>
      <p className={styles.noPrint}>
        <Link to={`/staff/cases/${encodeURIComponent(windowId)}/${encodeURIComponent(requestId)}`}>{t.back}</Link>{' '}
        <button type="button" className={staff.secondary} onClick={() => window.print()}>
          {t.print}
        </button>
      </p>
      {error ? <p className={staff.error} role="alert">{errorText(error)}</p> : null}
      {state && !state.payload ? <p className={staff.notice}>{t.unreadable}</p> : null}
      {state?.payload ? <Sheet detail={state.detail} payload={state.payload} messages={state.messages} /> : null}
    </StaffShell>
  )
}
