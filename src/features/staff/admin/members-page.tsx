import { useCallback, useEffect, useState } from 'react'
import type { MemberView, StaffKeyView, StaffRole } from '@/shared/schemas/staff'
import { fingerprintDigits } from '../keys/fingerprint-words'
import { staffApi } from '../staff-api'
import { StaffShell } from '../staff-shell'
import { useStaffSession } from '../staff-session'
import styles from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { certifyWithFile } from './certify-key'

function PendingKey({ windowId, keyView, onDone }: { windowId: string; keyView: StaffKeyView; onDone: (text: string) => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = `cert-${keyView.keyId}`
  const certify = async () => {
    if (!file) return setError(st('admin.certifyFile'))
    try {
      await certifyWithFile(windowId, keyView, file)
      onDone(st('admin.certified'))
    } catch (caught) {
      setError((caught as { key?: string }).key === 'badFile' || caught instanceof SyntaxError || caught instanceof TypeError ? st('admin.badFile') : errorText(caught))
    }
  }
  return (
    <div className={styles.notice}>
      <p>{st('admin.certifyLead')}</p>
      <ol className={styles.fingerprint} aria-label={st('key.fingerprint')} data-testid="pending-fingerprint">
        {fingerprintDigits(keyView.fingerprint).map((group, i) => (
          <li key={i}>{group}</li>
        ))}
      </ol>
      <div className={styles.form}>
        <label htmlFor={id}>{st('admin.certifyFile')}</label>
        <input id={id} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="button" className={styles.primary} onClick={() => void certify()}>
        {st('admin.certify')}
      </button>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** The administrator's page: colleagues and their keys, certify after comparing numbers, revoke, invite. */
export function MembersPage({ windowId }: { windowId: string }) {
  const { me } = useStaffSession()
  const [members, setMembers] = useState<MemberView[] | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [role, setRole] = useState<StaffRole>('staff')
  const [invite, setInvite] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setMembers((await staffApi.members(windowId)).members)
    } catch (caught) {
      setError(errorText(caught))
    }
  }, [windowId])
  useEffect(() => {
    void load()
  }, [load])

  const done = (text: string) => {
    setMessage(text)
    void load()
  }
  const revoke = async (member: MemberView) => {
    if (!window.confirm(st('admin.revokeConfirm', { name: member.displayName }))) return
    try {
      await staffApi.revoke(windowId, member.id)
      done(st('admin.revokedDone', { name: member.displayName }))
    } catch (caught) {
      setError(errorText(caught))
    }
  }
  const makeInvite = async () => {
    try {
      setInvite((await staffApi.invite(windowId, role)).url)
    } catch (caught) {
      setError(errorText(caught))
    }
  }

  return (
    <StaffShell title={st('admin.title')}>
      <h1>{st('admin.title')}</h1>
      {message ? (
        <p className={styles.notice} role="status">
          {message}
        </p>
      ) : null}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <h2>{st('admin.members')}</h2>
      {(members ?? []).map((member) => (
        <section key={member.id} aria-labelledby={`member-${member.id}`}>
          <h3 id={`member-${member.id}`}>
            {st(member.revokedAt ? 'admin.memberHeadingRevoked' : 'admin.memberHeading', { name: member.displayName, role: st(`admin.role.${member.role}`) })}
          </h3>
          {member.keys.length === 0 ? <p>{st('admin.noKey')}</p> : null}
          {member.keys.map((key) => (
            <div key={key.keyId}>
              <p>{st(`admin.keyStatus.${key.status}`)}</p>
              {key.status === 'pending' ? <PendingKey windowId={windowId} keyView={key} onDone={done} /> : null}
            </div>
          ))}
          {member.revokedAt || member.id === me?.member.id ? null : (
            <button type="button" className={styles.danger} onClick={() => void revoke(member)}>
              {st('admin.revoke', { name: member.displayName })}
            </button>
          )}
        </section>
      ))}
      <h2>{st('admin.invite')}</h2>
      <div className={styles.form}>
        <label htmlFor="invite-role">{st('admin.inviteRole')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          <option value="staff">{st('roles.staff')}</option>
          <option value="admin">{st('roles.admin')}</option>
        </select>
        <div className={styles.actions}>
          <button type="button" className={styles.primary} onClick={() => void makeInvite()}>
            {st('admin.invite')}
          </button>
        </div>
      </div>
      {invite ? (
        <div className={styles.notice} role="status">
          <p>{st('admin.inviteMade')}</p>
          <p className={styles.messageText}>
            <code>{invite}</code>
          </p>
        </div>
      ) : null}
    </StaffShell>
  )
}
