import { useRegisterSW } from 'virtual:pwa-register/react'
import { useOnDevice } from '@/lib/use-on-device'
import { useText } from '@/lib/use-text'
import styles from './update-prompt.module.css'

/**
 * The only place the service worker is registered. A new version waits for the person's consent:
 * reloading on its own could throw away a half-written booking.
 *
 * No "ready to work offline" notice: on a first visit it would push the five questions below the
 * first phone screen, and it tells a worried reader nothing they need at that moment.
 */
export function UpdatePrompt() {
  // useRegisterSW registers while rendering: never in the build's Node, and after hydration on the device.
  const onDevice = useOnDevice()
  return (
    <div role="status" className={styles.region}>
      {onDevice ? <UpdateBanner /> : null}
    </div>
  )
}

function UpdateBanner() {
  const text = useText('common')
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW()

  function update() {
    // The plugin reloads only when this page was already controlled when it loaded; on a first visit
    // (taken over by clientsClaim) the new version would take control silently, so reload here too.
    navigator.serviceWorker?.addEventListener('controllerchange', () => location.reload(), { once: true })
    void updateServiceWorker(true)
  }

  if (!needRefresh) return null
  return (
    <div className={styles.banner}>
      <p>{text.r('update.ready')}</p>
      <button type="button" onClick={update}>
        {text.r('update.reload')}
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        {text.r('update.later')}
      </button>
    </div>
  )
}
