import { useRegisterSW } from 'virtual:pwa-register/react'
import { useText } from '@/lib/use-text'
import styles from './update-banner.module.css'

/**
 * Shown once a new version waits (update-prompt.tsx). useRegisterSW finds the waiting worker when it
 * registers and asks to switch only when the person agrees: reloading on its own could throw away
 * a half-written booking.
 */
export default function UpdateBanner() {
  const text = useText('update')
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
      <p>{text.r('ready')}</p>
      <button type="button" onClick={update}>
        {text.r('reload')}
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        {text.r('later')}
      </button>
    </div>
  )
}
