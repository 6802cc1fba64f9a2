import { useState } from 'react'
import { formatDay, formatTime } from '@/lib/slot-format'
import type { SlotNotice } from '@/shared/schemas/availability'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { availabilityApi } from './availability-api'
import { tellText as t } from './availability-text'

/** On a case whose booked time the window took away: tell the person, then say so here. */
export function TellPersonFlag({ windowId, requestId, notice, onDone }: { windowId: string; requestId: string; notice: SlotNotice | null | undefined; onDone: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null)
  if (!notice) return null
  const when = `${formatDay(notice.start, 'ja')} ${formatTime(notice.start)}`
  if (!notice.tellPerson) return <p className={styles.hint}>{t.told(when, t.reasons[notice.reason])}</p>
  const told = async () => {
    try {
      await availabilityApi.told(windowId, requestId)
      await onDone()
    } catch (caught) {
      setError(errorText(caught))
    }
  }
  return (
    <div className={styles.error} role="note" data-testid="tell-person">
      <p>
        <strong>{t.heading}</strong>
      </p>
      <p>{t.body(when, t.reasons[notice.reason])}</p>
      <button type="button" className={styles.primary} onClick={() => void told()}>
        {t.done}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  )
}
