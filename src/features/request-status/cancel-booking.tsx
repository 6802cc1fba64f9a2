import { useState } from 'react'
import { useText } from '@/lib/use-text'
import type { Credentials, RequestView } from '@/shared/schemas/requests'
import { cancelRequest } from './status-api'
import styles from './status.module.css'

export function CancelBooking({ credentials, onCancelled }: { credentials: Credentials; onCancelled: (view: RequestView) => void }) {
  const text = useText('status')
  const [asking, setAsking] = useState(false)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)

  async function confirm() {
    setBusy(true)
    try {
      const outcome = await cancelRequest(credentials)
      if (outcome.kind === 'ok') onCancelled(outcome.value)
      else setFailed(true)
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }

  return (
    <section aria-labelledby="cancel-heading" className={styles.block}>
      <h3 id="cancel-heading">{text.r('cancel.heading')}</h3>
      <p>{text.r('cancel.hint')}</p>
      {asking ? (
        <div role="group" aria-labelledby="cancel-confirm">
          <p id="cancel-confirm">{text.r('cancel.confirm')}</p>
          <div className={styles.actions}>
            <button type="button" className={styles.danger} disabled={busy} onClick={() => void confirm()}>
              {text.r('cancel.yes')}
            </button>
            <button type="button" className={styles.secondary} onClick={() => setAsking(false)} autoFocus>
              {text.r('cancel.no')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={styles.secondary} onClick={() => setAsking(true)}>
          {text.r('cancel.button')}
        </button>
      )}
      <p role="status">{failed ? text.r('cancel.failed') : null}</p>
    </section>
  )
}
