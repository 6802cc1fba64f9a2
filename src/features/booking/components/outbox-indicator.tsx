import { lazy, Suspense, useEffect, useState } from 'react'
import { loadNamespaces } from '@/lib/i18n'
import { outboxMayHoldEntries, OUTBOX_OPENED_EVENT } from '@/lib/outbox-presence'

const LiveOutboxIndicator = lazy(async () => (await Promise.all([import('./live-outbox-indicator'), loadNamespaces(['booking'])]))[0])

/**
 * The 「送信待ち」 line on every page. The outbox code loads only once this device has an outbox
 * (or a page opens one), so a first visit does not download the database layer.
 * The status region itself is always there, so a screen reader hears the line when it appears.
 */
export function OutboxIndicator({ statusPath, bookPath }: { statusPath: string; bookPath: string }) {
  const [active, setActive] = useState(false)
  useEffect(() => {
    let mounted = true
    const activate = () => {
      if (mounted) setActive(true)
    }
    window.addEventListener(OUTBOX_OPENED_EVENT, activate)
    void outboxMayHoldEntries().then((present) => present && activate())
    return () => {
      mounted = false
      window.removeEventListener(OUTBOX_OPENED_EVENT, activate)
    }
  }, [])
  return (
    <div role="status">
      {active ? (
        <Suspense fallback={null}>
          <LiveOutboxIndicator statusPath={statusPath} bookPath={bookPath} />
        </Suspense>
      ) : null}
    </div>
  )
}
