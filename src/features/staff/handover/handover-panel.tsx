import { useState } from 'react'
import { Link } from 'react-router'
import { withoutRuby } from '@/components/ruby-text'
import { fetchPublicConfig } from '@/lib/api'
import { deployment, localized } from '@/lib/deployment'
import { windowRecipients } from '@/lib/window-recipients'
import type { RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { CaseDetail } from '@/shared/schemas/staff'
import type { OpenedMessage } from '../inbox/decrypt-case'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { handOverCase } from './case-envelopes'
import { ConsentForm } from './consent-form'
import { handoverText as t } from './handover-text'

export const windowName = (id: string) => {
  const found = deployment.windows.find((w) => w.id === id)
  return found ? withoutRuby(localized(found.name, 'ja')) : id
}

/** Consent, then 「ほかの窓口へつなぐ」 (offered only once consent is recorded and readable here), and the print sheet. */
export function HandoverPanel(props: { detail: CaseDetail; messages: OpenedMessage[]; myKey: RecipientKeyPair | null; onChanged: () => Promise<void>; onHandedOver: () => Promise<void> }) {
  const { detail, messages, myKey } = props
  const consents = messages.filter((m) => m.kind === 'consent' && m.consent)
  const latest = consents.at(-1)?.consent ?? null
  const others = deployment.windows.filter((w) => w.id !== detail.windowId)
  const [target, setTarget] = useState(others[0]?.id ?? '')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const handOver = async () => {
    if (!myKey || !target || !window.confirm(t.handover.confirm(windowName(target)))) return
    setBusy(true)
    setMessage(null)
    try {
      const readers = await windowRecipients(await fetchPublicConfig(), target)
      if (readers.length === 0) throw Object.assign(new Error('no readers'), { key: 'noReaders' })
      await handOverCase(detail, myKey, target, readers)
      setMessage({ ok: true, text: t.handover.done(windowName(target)) })
      await props.onHandedOver()
    } catch (caught) {
      const key = (caught as { key?: string }).key ?? ''
      const own = key === 'noReaders' ? t.handover.noReaders : key === 'cannotOpen' ? t.handover.cannotOpen : t.errors[key]
      setMessage({ ok: false, text: own ?? errorText(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section aria-labelledby="case-consent-heading">
        <h2 id="case-consent-heading">{t.consent.heading}</h2>
        <p className={styles.hint}>{t.consent.lead}</p>
        {latest ? <p className={styles.notice}>{t.consent.recorded(latest.givenOn, t.consent.methods[latest.method])}</p> : null}
        <ConsentForm windowId={detail.windowId} requestId={detail.requestId} onSaved={props.onChanged} />
      </section>
      <section aria-labelledby="case-handover-heading">
        <h2 id="case-handover-heading">{t.handover.heading}</h2>
        {latest && myKey && others.length > 0 ? (
          <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void handOver())}>
            <label htmlFor="handover-target">{t.handover.target}</label>
            <select id="handover-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((w) => (
                <option key={w.id} value={w.id}>
                  {windowName(w.id)}
                </option>
              ))}
            </select>
            <div className={styles.actions}>
              <button type="submit" className={styles.primary} disabled={busy}>
                {t.handover.action}
              </button>
            </div>
          </form>
        ) : (
          <p>{t.handover.needConsent}</p>
        )}
        {message ? (
          <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        ) : null}
        <p>
          <Link to={`/staff/cases/${encodeURIComponent(detail.windowId)}/${encodeURIComponent(detail.requestId)}/sheet`}>{t.sheet.link}</Link>
        </p>
      </section>
    </>
  )
}
