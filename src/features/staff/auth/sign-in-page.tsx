import { useState } from 'react'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { useStaffSession } from '../staff-session'
import { errorText, st } from '../staff-text'
import { signInWithPasskey } from './passkey'

export function SignInPage() {
  const { setMe, signedOut } = useStaffSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const signIn = async () => {
    setBusy(true)
    setError(null)
    try {
      setMe(await signInWithPasskey())
    } catch (caught) {
      setError(errorText(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <StaffShell title={st('signIn.title')}>
      <h1>{st('signIn.title')}</h1>
      {signedOut ? (
        <p className={styles.notice} role="status">
          {st('signIn.signedOut')}
        </p>
      ) : null}
      <p>{st('signIn.lead')}</p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="button" className={styles.primary} onClick={() => void signIn()} disabled={busy}>
          {busy ? st('signIn.busy') : st('signIn.button')}
        </button>
        <a href="/">{st('signIn.toPublic')}</a>
      </div>
    </StaffShell>
  )
}
