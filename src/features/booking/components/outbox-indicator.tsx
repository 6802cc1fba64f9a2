import { useEffect } from 'react'
import { Link } from 'react-router'
import { startOutboxSync, usePendingCount } from '@/lib/outbox'
import { useText } from '@/lib/use-text'
import styles from './booking.module.css'

/**
 * Starts delivering queued requests (on app start and on `online`) and, while any wait, keeps a
 * 「送信待ち」 line visible on every page.
 */
export function OutboxIndicator({ statusPath }: { statusPath: string }) {
  const text = useText('booking')
  const count = usePendingCount()
  useEffect(() => startOutboxSync(), [])
  return (
    <div role="status" className={count > 0 ? styles.pendingLine : undefined}>
      {count > 0 ? (
        <>
          <strong>{text.r('outbox.badge')}</strong> {text.r('outbox.line', { count })} <Link to={statusPath}>{text.r('outbox.link')}</Link>
        </>
      ) : null}
    </div>
  )
}
