import { lazy, Suspense, useEffect, useState } from 'react'
import { loadNamespaces } from '@/lib/i18n'
import { watchForUpdate } from './watch-for-update'

// The banner's text comes with its code: most visits never need either.
const UpdateBanner = lazy(() => Promise.all([import('./update-banner'), loadNamespaces(['update'])]).then(([banner]) => banner))

/**
 * The status region where a new version of the app is announced. The code that switches versions
 * (workbox-window, via useRegisterSW) loads only once a new version waits: most visits never need it.
 *
 * No "ready to work offline" notice: on a first visit it would push the five questions below the
 * first phone screen, and it tells a worried reader nothing they need at that moment.
 */
export function UpdatePrompt() {
  const [updateWaiting, setUpdateWaiting] = useState(false)
  useEffect(() => watchForUpdate(() => setUpdateWaiting(true)), [])
  return (
    <div role="status">
      {updateWaiting ? (
        <Suspense fallback={null}>
          <UpdateBanner />
        </Suspense>
      ) : null}
    </div>
  )
}
