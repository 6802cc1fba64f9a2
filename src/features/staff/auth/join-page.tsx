import { useEffect, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { deployment } from '@/lib/deployment'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { useStaffSession } from '../staff-session'
import { errorText, st } from '../staff-text'
import { joinWithPasskey } from './passkey'

/** The invite token is in the URL fragment: read once, then removed from the address bar. */
function takeToken(): string {
  const token = window.location.hash.slice(1)
  if (token) window.history.replaceState(null, '', window.location.pathname)
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : ''
}

export function JoinPage() {
  const { setMe } = useStaffSession()
  const navigate = useNavigate()
  const [token] = useState(takeToken)
  const [info, setInfo] = useState<{ windowId: string; role: 'staff' | 'admin' } | null>(null)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(token ? null : st('join.noToken'))

  useEffect(() => {
    if (!token) return
    staffApi.inviteInfo(token).then(setInfo, (caught: unknown) => setError(errorText(caught)))
  }, [token])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return setError(st('case.empty'))
    setBusy(true)
    setError(null)
    try {
      setMe(await joinWithPasskey(token, name.trim()))
      navigate('/staff', { replace: true })
    } catch (caught) {
      setError(errorText(caught))
    } finally {
      setBusy(false)
    }
  }
  const windowName = deployment.windows.find((w) => w.id === info?.windowId)?.name.ja ?? info?.windowId ?? ''
  return (
    <StaffShell title={st('join.title')}>
      <h1>{st('join.title')}</h1>
      <p>{st('join.lead')}</p>
      {info ? <p className={styles.notice}>{st('join.window', { window: windowName, role: st(`roles.${info.role}`) })}</p> : null}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      {info ? (
        <form className={styles.form} onSubmit={(e) => void submit(e)}>
          <label htmlFor="staff-name">{st('join.nameLabel')}</label>
          <p id="staff-name-hint" className={styles.hint}>
            {st('join.nameHint')}
          </p>
          <input id="staff-name" aria-describedby="staff-name-hint" value={name} maxLength={40} autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={busy}>
              {busy ? st('join.busy') : st('join.button')}
            </button>
          </div>
        </form>
      ) : null}
    </StaffShell>
  )
}
