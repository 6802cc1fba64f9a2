import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { loadNamespaces } from '@/lib/i18n'
import { outboxMayHoldEntries, OUTBOX_OPENED_EVENT } from '@/lib/outbox-presence'

const LiveOutboxIndicator = lazy(async () => (await Promise.all([import('./live-outbox-indicator'), loadNamespaces(['booking'])]))[0])

/** A line that could not load (offline, before the service worker has the app) leaves the page working. */
class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}

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
        <Quiet>
          <Suspense fallback={null}>
            <LiveOutboxIndicator statusPath={statusPath} bookPath={bookPath} />
          </Suspense>
        </Quiet>
      ) : null}
    </div>
  )
}
