import { useEffect } from 'react'
import { Link } from 'react-router'
import { startOutboxSync, usePendingCount } from '@/lib/outbox'
import { useText } from '@/lib/use-text'
import styles from './booking.module.css'

/** Delivers queued requests (now and on `online`) and shows 「送信待ち」 while any wait. */
export default function LiveOutboxIndicator({ statusPath }: { statusPath: string }) {
  const text = useText('booking')
  const count = usePendingCount()
  useEffect(() => startOutboxSync(), [])
  if (count === 0) return null
  return (
    <p className={styles.pendingLine}>
      <strong>{text.r('outbox.badge')}</strong> {text.r('outbox.line', { count })} <Link to={statusPath}>{text.r('outbox.link')}</Link>
    </p>
  )
}
