import { deployment } from '@/lib/deployment'
import styles from '../staff.module.css'
import { st } from '../staff-text'
import { fingerprintDigits } from './fingerprint-words'
import type { WindowKey } from './use-my-keys'

/** This device's key per window; until certified, the number to read aloud to the administrator. */
export function KeyStatus({ keys }: { keys: WindowKey[] }) {
  if (keys.length === 0) return <p role="status">{st('key.making')}</p>
  return (
    <section aria-labelledby="key-status-heading">
      <h2 id="key-status-heading">{st('key.title')}</h2>
      {keys.map(({ windowId, pair, view }) => (
        <div key={windowId} className={view?.status === 'certified' ? undefined : styles.notice}>
          <h3>{deployment.windows.find((w) => w.id === windowId)?.name.ja ?? windowId}</h3>
          <p>{st(view?.status === 'certified' ? 'key.certified' : view?.status === 'revoked' ? 'key.revoked' : 'key.pending')}</p>
          {view?.status === 'certified' ? null : (
            <>
              <p id={`fp-${windowId}`}>{st('key.fingerprint')}</p>
              <ol className={styles.fingerprint} aria-labelledby={`fp-${windowId}`} data-testid="my-fingerprint">
                {fingerprintDigits(pair.fingerprint).map((group, i) => (
                  <li key={i}>{group}</li>
                ))}
              </ol>
            </>
          )}
        </div>
      ))}
    </section>
  )
}
