import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { retryOutboxLater, startOutboxSync, useOutboxSummary } from '@/lib/outbox'
import { removeEntry } from '@/lib/outbox-delivery'
import { useText } from '@/lib/use-text'
import styles from './booking.module.css'

interface Props {
  statusPath: string
  bookPath: string
}

/**
 * Delivers queued requests (now and on `online`) and tells what happened to them: 「送信待ち」 while
 * any wait, a request that bounced in the background with the way to fix it, and one that was
 * delivered with no confirmation on screen (its entry is then deleted: the line is its confirmation).
 */
export default function LiveOutboxIndicator({ statusPath, bookPath }: Props) {
  const text = useText('booking')
  const { pending, failed, delivered } = useOutboxSummary()
  const [sent, setSent] = useState(0)
  useEffect(() => startOutboxSync(), [])
  useEffect(() => {
    if (pending > 0) retryOutboxLater()
  }, [pending])
  useEffect(() => {
    if (delivered.length === 0) return
    setSent((count) => count + delivered.length)
    for (const entry of delivered) void removeEntry(entry.id).catch(() => undefined)
  }, [delivered])

  return (
    <>
      {pending > 0 ? (
        <p className={styles.pendingLine}>
          <strong>{text.r('outbox.badge')}</strong> {text.r('outbox.line', { count: pending })} <Link to={statusPath}>{text.r('outbox.link')}</Link>
        </p>
      ) : null}
      {failed.map((entry) => (
        <div key={entry.id} className={styles.pendingLine}>
          <p>
            <strong>{text.r('outbox.failedLine', { count: 1 })}</strong> {text.r(entry.state === 'slotTaken' ? 'outbox.slotTaken' : 'outbox.rejected')}
          </p>
          {entry.state === 'slotTaken' ? (
            <p>
              <Link to={statusPath}>{text.r('outbox.fix')}</Link>
            </p>
          ) : (
            <p className={styles.failedActions}>
              <Link to={bookPath}>{text.r('outbox.bookAgain')}</Link>
              <button type="button" className={styles.linkButton} onClick={() => void removeEntry(entry.id)}>
                {text.r('outbox.discard')}
              </button>
            </p>
          )}
        </div>
      ))}
      {sent > 0 ? (
        <p className={styles.pendingLine}>
          {text.r('outbox.sentLine', { count: sent })} <Link to={statusPath}>{text.r('outbox.link')}</Link>
        </p>
      ) : null}
    </>
  )
}
