import { useState } from 'react'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { consentMethods, consentPayloadSchema, type ConsentMethod } from '@/shared/schemas/handover'
import { openWindowRecipients } from '../case/recipients'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { handoverApi } from './handover-api'
import { handoverText as t } from './handover-text'

const todayInTokyo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date())

/** The person's consent to a hand-over, sealed to the window in this browser like a note. */
export function ConsentForm({ windowId, requestId, onSaved }: { windowId: string; requestId: string; onSaved: () => Promise<void> }) {
  const [givenOn, setGivenOn] = useState(todayInTokyo)
  const [method, setMethod] = useState<ConsentMethod>('phone')
  const [scope, setScope] = useState('')
  const [notes, setNotes] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const save = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const messageId = crypto.randomUUID()
      const payload = consentPayloadSchema.parse({ v: 1, id: messageId, givenOn, method, scope, ...(notes.trim() ? { notes: notes.trim() } : {}), recordedAt: new Date().toISOString() })
      const envelope = await sealEnvelope({ requestId, windowId, kind: 'consent', messageId, payload, recipients: await openWindowRecipients(windowId) })
      await handoverApi.consent(windowId, requestId, { messageId, envelope })
      setMessage({ ok: true, text: t.consent.saved })
      await onSaved()
    } catch (caught) {
      setMessage({ ok: false, text: errorText((caught as { issues?: unknown }).issues ? { key: 'errors.validation' } : caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void save())}>
      <label htmlFor="consent-date">{t.consent.date}</label>
      <input id="consent-date" type="date" required value={givenOn} onChange={(e) => setGivenOn(e.target.value)} />
      <label htmlFor="consent-method">{t.consent.method}</label>
      <select id="consent-method" value={method} onChange={(e) => setMethod(e.target.value as ConsentMethod)}>
        {consentMethods.map((m) => (
          <option key={m} value={m}>
            {t.consent.methods[m]}
          </option>
        ))}
      </select>
      <label htmlFor="consent-scope">{t.consent.scope}</label>
      <p id="consent-scope-hint" className={styles.hint}>
        {t.consent.scopeHint}
      </p>
      <textarea id="consent-scope" aria-describedby="consent-scope-hint" required rows={2} maxLength={400} value={scope} onChange={(e) => setScope(e.target.value)} />
      <label htmlFor="consent-notes">{t.consent.notes}</label>
      <textarea id="consent-notes" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={busy}>
          {t.consent.save}
        </button>
      </div>
      {message ? (
        <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </form>
  )
}
