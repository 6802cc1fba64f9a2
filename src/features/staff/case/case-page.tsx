import { useCallback, useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { BookingPayload } from '@/shared/schemas/booking-payload'
import type { CaseDetail } from '@/shared/schemas/staff'
import { askerLabel, concernLabel, tokyoDateTime } from '../inbox/case-labels'
import { TellPersonFlag } from '../availability/tell-person'
import { useCases } from '../inbox/cases-context'
import { openCase, openMessages, type OpenedMessage } from '../inbox/decrypt-case'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { caseWords } from '../reports/report-labels'
import { newCaseText } from '../new-case/new-case-text'
import { CaseForms } from './case-forms'

function messageLabel(m: OpenedMessage): string {
  if (m.kind === 'followUp') return st('case.fromPerson')
  if (m.kind === 'reply') return st('case.reply')
  return st(m.kind === 'note' ? 'case.note' : 'case.contactEntry')
}

function messageText(m: OpenedMessage): string {
  if (m.kind !== 'contact' || !m.contact) return m.text ?? st('case.cannotRead')
  const c = m.contact
  const line = st('case.contactSummary', { date: c.date, method: caseWords.method[c.method], participants: c.participants.map((p) => caseWords.participant[p]).join(st('listSeparator')) })
  return c.notes ? `${line}\n${c.notes}` : line
}

function contactText(payload: BookingPayload): string {
  const c = payload.contact
  if (c.kind === 'email') return st('case.contactEmail', { email: c.email })
  if (c.kind === 'phone') return st('case.contactPhone', { phone: c.phone, times: c.safeTimes })
  return st('case.contactNone')
}

function concernsText(payload: BookingPayload): string {
  const list = payload.concerns.map(concernLabel).join(st('listSeparator'))
  return payload.mainConcern ? st('case.concernsWithMain', { list, main: concernLabel(payload.mainConcern) }) : list
}

function Thread({ messages }: { messages: OpenedMessage[] }) {
  if (messages.length === 0) return <p>{st('case.threadEmpty')}</p>
  return (
    <ol className={styles.thread}>
      {messages.map((m) => (
        <li key={m.id} className={m.kind === 'note' || m.kind === 'contact' ? styles.note : undefined}>
          <strong>{messageLabel(m)}</strong> <span>{tokyoDateTime(m.sentAt)}</span>
          <p className={styles.messageText}>{messageText(m)}</p>
        </li>
      ))}
    </ol>
  )
}

/** One case: the whole request and the thread, decrypted here; status, note, video link and reply. */
export function CasePage({ windowId, requestId }: { windowId: string; requestId: string }) {
  const { keyFor, reload } = useCases()
  const key = keyFor(windowId)
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  const [payload, setPayload] = useState<BookingPayload | null>(null)
  const [messages, setMessages] = useState<OpenedMessage[]>([])
  const [error, setError] = useState<unknown>(null)

  const load = useCallback(async () => {
    try {
      const found = await staffApi.caseDetail(windowId, requestId)
      const opened = await openCase(found, key?.pair ?? null)
      setDetail(found)
      setPayload(opened.payload)
      setMessages(await openMessages(found, opened.payload, key?.pair ?? null))
      if (found.unreadFollowUps > 0) await staffApi.markRead(windowId, requestId)
      setError(null)
    } catch (caught) {
      setError(caught)
    }
  }, [windowId, requestId, key])

  useEffect(() => {
    void load()
  }, [load])

  const changed = useCallback(async () => {
    await load()
    await reload()
  }, [load, reload])

  const title = payload ? st('case.title', { nickname: payload.nickname }) : st('case.request')
  return (
    <StaffShell title={title}>
      <p>
        <Link to="/staff">{st('case.back')}</Link>
      </p>
      <h1>{title}</h1>
      {error ? (
        <p className={styles.error} role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {detail ? (
        <>
          <TellPersonFlag windowId={windowId} requestId={requestId} notice={detail.slotNotice} onDone={changed} />
          <section aria-labelledby="case-request">
            <h2 id="case-request">{st('case.request')}</h2>
            {payload ? (
              <dl className={styles.details}>
                <dt>{st('case.nickname')}</dt>
                <dd>{payload.nickname}</dd>
                <dt>{st('case.asker')}</dt>
                <dd>{askerLabel(payload)}</dd>
                <dt>{st('case.age')}</dt>
                <dd>{payload.ageGroup ? st(`ages.${payload.ageGroup}`) : st('ages.unknown')}</dd>
                <dt>{st('case.mode')}</dt>
                <dd>{st('case.modeWithSlot', { mode: st(`modes.${detail.mode}`), when: detail.slot ? tokyoDateTime(detail.slot.start) : st('inbox.noSlot') })}</dd>
                {detail.origin !== 'online' ? (
                  <>
                    <dt>{newCaseText.originLegend}</dt>
                    <dd>{newCaseText.origins[detail.origin]}</dd>
                  </>
                ) : null}
                <dt>{st('case.concerns')}</dt>
                <dd>{concernsText(payload)}</dd>
                <dt>{st('case.message')}</dt>
                <dd>{payload.message}</dd>
                <dt>{st('case.contact')}</dt>
                <dd>{contactText(payload)}</dd>
              </dl>
            ) : (
              <p className={styles.notice}>{st('inbox.cannotOpen')}</p>
            )}
          </section>
          <section aria-labelledby="case-thread">
            <h2 id="case-thread">{st('case.thread')}</h2>
            <Thread messages={messages} />
          </section>
          <CaseForms detail={detail} payload={payload} onChanged={changed} />
        </>
      ) : null}
    </StaffShell>
  )
}
