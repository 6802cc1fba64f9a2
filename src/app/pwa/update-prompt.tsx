import { useRegisterSW } from 'virtual:pwa-register/react'
import { useText } from '@/lib/use-text'
import styles from './update-prompt.module.css'

/**
 * The only place the service worker is registered. A new version waits for the person's consent:
 * reloading on its own could throw away a half-written booking.
 */
export function UpdatePrompt() {
  const text = useText('common')
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW()

  return (
    <div role="status" className={styles.region}>
      {needRefresh ? (
        <div className={styles.banner}>
          <p>{text.r('update.ready')}</p>
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            {text.r('update.reload')}
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            {text.r('update.later')}
          </button>
        </div>
      ) : offlineReady ? (
        <div className={styles.banner}>
          <p>{text.r('update.offlineReady')}</p>
          <button type="button" onClick={() => setOfflineReady(false)}>
            {text.r('update.close')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
