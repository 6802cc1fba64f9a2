import { useState } from 'react'
import { caseStatuses, type CaseStatus } from '@/shared/schemas/case-status'
import type { BookingPayload } from '@/shared/schemas/booking-payload'
import type { CaseDetail } from '@/shared/schemas/staff'
import { staffApi } from '../staff-api'
import styles from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { saveNote, sendReply } from './case-actions'
import { ContactForm } from './contact-form'
import { MoveBooking } from './move-booking'
import { VideoLinkForm } from './video-link-form'

type Done = (message: string) => void

/** One small form: its own busy state, its own error and its own confirmation, read out politely. */
export function useAction(onChanged: () => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const run = async (event: { preventDefault(): void }, action: (done: Done) => Promise<void>) => {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    try {
      await action((text) => setMessage({ ok: true, text }))
      await onChanged()
    } catch (caught) {
      setMessage({ ok: false, text: errorText(caught) })
    } finally {
      setBusy(false)
    }
  }
  const feedback = message ? (
    <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  ) : null
  return { busy, run, feedback, fail: (text: string) => setMessage({ ok: false, text }) }
}

function TextForm(props: { id: string; label: string; hint: string; button: string; rows: number; max: number; onSubmit: (text: string, done: Done) => Promise<void>; onChanged: () => Promise<void> }) {
  const [text, setText] = useState('')
  const action = useAction(props.onChanged)
  return (
    <form
      className={styles.form}
      onSubmit={(e) =>
        void action.run(e, async (done) => {
          if (!text.trim()) throw Object.assign(new Error('empty'), { key: 'errors.validation' })
          await props.onSubmit(text.trim(), done)
          setText('')
        })
      }
    >
      <label htmlFor={props.id}>{props.label}</label>
      <p id={`${props.id}-hint`} className={styles.hint}>
        {props.hint}
      </p>
      <textarea id={props.id} aria-describedby={`${props.id}-hint`} rows={props.rows} maxLength={props.max} value={text} onChange={(e) => setText(e.target.value)} />
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={action.busy}>
          {props.button}
        </button>
      </div>
      {action.feedback}
    </form>
  )
}

export function CaseForms({ detail, payload, onChanged }: { detail: CaseDetail; payload: BookingPayload | null; onChanged: () => Promise<void> }) {
  const { windowId, requestId } = detail
  const [status, setStatus] = useState<CaseStatus>(detail.status)
  const statusAction = useAction(onChanged)

  return (
    <>
      <section aria-labelledby="case-status-heading">
        <h2 id="case-status-heading">{st('case.status')}</h2>
        <form className={styles.form} onSubmit={(e) => void statusAction.run(e, async (done) => {
          await staffApi.setStatus(windowId, requestId, status)
          done(st('case.statusSaved', { status: st(`statuses.${status}`) }))
        })}>
          <label htmlFor="case-status-select">{st('case.statusLabel')}</label>
          <select id="case-status-select" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {st(`statuses.${s}`)}
              </option>
            ))}
          </select>
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={statusAction.busy}>
              {st('case.statusSave')}
            </button>
          </div>
          {statusAction.feedback}
        </form>
      </section>
      <MoveBooking detail={detail} onChanged={onChanged} />
      {payload ? (
        <section aria-labelledby="case-reply-heading">
          <h2 id="case-reply-heading">{st('case.replyHeading')}</h2>
          <TextForm id="case-reply" label={st('case.replyLabel')} hint={st('case.replyHint')} button={st('case.replySend')} rows={5} max={2000} onChanged={onChanged}
            onSubmit={async (text, done) => {
              await sendReply(windowId, requestId, payload.replyKey, text)
              done(st('case.replySent'))
            }}
          />
        </section>
      ) : null}
      <ContactForm windowId={windowId} requestId={requestId} onChanged={onChanged} />
      <section aria-labelledby="case-note-heading">
        <h2 id="case-note-heading">{st('case.noteHeading')}</h2>
        <TextForm id="case-note" label={st('case.noteLabel')} hint={st('case.noteHint')} button={st('case.noteSave')} rows={3} max={4000} onChanged={onChanged}
          onSubmit={async (text, done) => {
            await saveNote(windowId, requestId, text)
            done(st('case.noteSaved'))
          }}
        />
      </section>
      {/* A link left from before a move to another mode stays visible, so staff can remove it. */}
      {detail.mode === 'video' || detail.video ? <VideoLinkForm detail={detail} replyKey={payload?.replyKey ?? null} onChanged={onChanged} /> : null}
    </>
  )
}
