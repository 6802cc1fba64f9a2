import type { StaffCertificate, StaffKeyView, StaffRole } from '../../shared/schemas/staff'
import { sql, type SqlDriver, type SqlRow } from '../store/sql-driver'

/** People, passkeys, sessions, invites and staff keys: everything the staff side knows about staff. */

export interface Membership {
  windowId: string
  role: StaffRole
}

export interface StaffMember {
  id: string
  displayName: string
  createdAt: string
  revokedAt: string | null
}

export interface Passkey {
  credentialId: string
  memberId: string
  publicKey: string
  counter: number
  transports: string[]
}

export interface Challenge {
  challenge: string
  purpose: 'register' | 'login'
  inviteHash: string | null
  expiresAt: string
}

export interface Invite {
  windowId: string
  role: StaffRole
  expiresAt: string
  usedAt: string | null
}

export interface Session {
  memberId: string
  createdAt: string
  lastSeenAt: string
}

const str = (v: SqlRow[string] | undefined) => (v === null || v === undefined ? null : String(v))

function certificateOf(value: SqlRow[string] | undefined): StaffCertificate | null {
  if (typeof value !== 'string') return null
  try {
    return JSON.parse(value) as StaffCertificate
  } catch {
    return null
  }
}

function toKeyView(r: SqlRow): StaffKeyView {
  const certificate = certificateOf(r.certificate)
  return {
    keyId: String(r.key_id),
    windowId: String(r.window_id),
    memberId: String(r.member_id ?? ''),
    publicKey: String(r.public_key),
    fingerprint: String(r.fingerprint),
    status: r.revoked_at ? 'revoked' : certificate ? 'certified' : 'pending',
    certificate,
    createdAt: String(r.created_at),
  }
}

export function createStaffStore(db: SqlDriver) {
  return {
    async member(id: string): Promise<StaffMember | null> {
      const [r] = await db.all(sql('SELECT id, display_name, created_at, revoked_at FROM staff_members WHERE id = ?', id))
      return r ? { id: String(r.id), displayName: String(r.display_name), createdAt: String(r.created_at), revokedAt: str(r.revoked_at) } : null
    },

    async memberships(memberId: string): Promise<Membership[]> {
      const rows = await db.all(sql('SELECT window_id, role FROM staff_memberships WHERE member_id = ? ORDER BY window_id', memberId))
      return rows.map((r) => ({ windowId: String(r.window_id), role: r.role as StaffRole }))
    },

    async windowMembers(windowId: string) {
      const rows = await db.all(
        sql(
          `SELECT m.id, m.display_name, m.revoked_at, s.role, s.joined_at FROM staff_memberships s
           JOIN staff_members m ON m.id = s.member_id WHERE s.window_id = ? ORDER BY s.joined_at`,
          windowId,
        ),
      )
      return rows.map((r) => ({
        id: String(r.id),
        displayName: String(r.display_name),
        role: r.role as StaffRole,
        joinedAt: String(r.joined_at),
        revokedAt: str(r.revoked_at),
      }))
    },

    /** Makes the member, their membership and first passkey, and uses the invite up, all or nothing. */
    async join(args: { memberId: string; displayName: string; inviteHash: string; invite: Invite; passkey: Passkey; at: string }): Promise<boolean> {
      const { memberId, displayName, inviteHash, invite, passkey, at } = args
      // One transaction: the invite is marked as used by this member first, and the rows that follow
      // exist only if that mark is ours, so two registrations racing on one invite make one member.
      const ours = 'EXISTS (SELECT 1 FROM staff_invites WHERE token_hash = ? AND used_by = ?)'
      const results = await db.batch([
        sql('UPDATE staff_invites SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', at, memberId, inviteHash, at),
        sql(`INSERT INTO staff_members (id, display_name, created_at) SELECT ?, ?, ? WHERE ${ours}`, memberId, displayName, at, inviteHash, memberId),
        sql(
          `INSERT INTO staff_memberships (member_id, window_id, role, joined_at) SELECT ?, ?, ?, ? WHERE ${ours}`,
          memberId, invite.windowId, invite.role, at, inviteHash, memberId,
        ),
        sql(
          `INSERT INTO staff_passkeys (credential_id, member_id, public_key, counter, transports, created_at) SELECT ?, ?, ?, ?, ?, ? WHERE ${ours}`,
          passkey.credentialId, memberId, passkey.publicKey, passkey.counter, JSON.stringify(passkey.transports), at, inviteHash, memberId,
        ),
      ])
      if (results[0]?.changes !== 1) return false
      return true
    },

    async addInvite(tokenHash: string, invite: Invite, at: string) {
      await db.run(
        sql('INSERT INTO staff_invites (token_hash, window_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', tokenHash, invite.windowId, invite.role, at, invite.expiresAt),
      )
    },

    async invite(tokenHash: string): Promise<Invite | null> {
      const [r] = await db.all(sql('SELECT window_id, role, expires_at, used_at FROM staff_invites WHERE token_hash = ?', tokenHash))
      return r ? { windowId: String(r.window_id), role: r.role as StaffRole, expiresAt: String(r.expires_at), usedAt: str(r.used_at) } : null
    },

    async addChallenge(id: string, challenge: Challenge) {
      await db.batch([
        sql('DELETE FROM staff_challenges WHERE expires_at < ?', new Date().toISOString()),
        sql(
          'INSERT OR REPLACE INTO staff_challenges (id, challenge, purpose, invite_hash, expires_at) VALUES (?, ?, ?, ?, ?)',
          id, challenge.challenge, challenge.purpose, challenge.inviteHash, challenge.expiresAt,
        ),
      ])
    },

    /** Returns the challenge and deletes it: a challenge answers one ceremony only. */
    async takeChallenge(id: string): Promise<Challenge | null> {
      const [r] = await db.all(sql('SELECT challenge, purpose, invite_hash, expires_at FROM staff_challenges WHERE id = ?', id))
      if (!r) return null
      const { changes } = await db.run(sql('DELETE FROM staff_challenges WHERE id = ?', id))
      if (changes !== 1) return null
      return { challenge: String(r.challenge), purpose: r.purpose as Challenge['purpose'], inviteHash: str(r.invite_hash), expiresAt: String(r.expires_at) }
    },

    async passkey(credentialId: string): Promise<(Passkey & { revoked: boolean }) | null> {
      const [r] = await db.all(sql('SELECT * FROM staff_passkeys WHERE credential_id = ?', credentialId))
      if (!r) return null
      return {
        credentialId: String(r.credential_id),
        memberId: String(r.member_id),
        publicKey: String(r.public_key),
        counter: Number(r.counter),
        transports: JSON.parse(String(r.transports)) as string[],
        revoked: r.revoked_at !== null,
      }
    },

    async updateCounter(credentialId: string, counter: number) {
      await db.run(sql('UPDATE staff_passkeys SET counter = ? WHERE credential_id = ?', counter, credentialId))
    },

    async addSession(idHash: string, memberId: string, at: string) {
      await db.run(sql('INSERT INTO staff_sessions (id_hash, member_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', idHash, memberId, at, at))
    },

    async session(idHash: string): Promise<Session | null> {
      const [r] = await db.all(sql('SELECT member_id, created_at, last_seen_at FROM staff_sessions WHERE id_hash = ?', idHash))
      return r ? { memberId: String(r.member_id), createdAt: String(r.created_at), lastSeenAt: String(r.last_seen_at) } : null
    },

    async touchSession(idHash: string, at: string) {
      await db.run(sql('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?', at, idHash))
    },

    async endSession(idHash: string) {
      await db.run(sql('DELETE FROM staff_sessions WHERE id_hash = ?', idHash))
    },

    /** Revocation: sessions end, passkeys stop working, keys leave the recipients, at once. */
    async revokeMember(memberId: string, at: string) {
      await db.batch([
        sql('UPDATE staff_members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, memberId),
        sql('DELETE FROM staff_sessions WHERE member_id = ?', memberId),
        sql('UPDATE staff_passkeys SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL', at, memberId),
        sql('UPDATE window_keys SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL', at, memberId),
      ])
    },

    async addKey(key: { keyId: string; windowId: string; memberId: string; publicKey: string; fingerprint: string; createdAt: string }): Promise<boolean> {
      const { changes } = await db.run(
        sql(
          "INSERT OR IGNORE INTO window_keys (key_id, window_id, kind, public_key, fingerprint, created_at, member_id) VALUES (?, ?, 'staff', ?, ?, ?, ?)",
          key.keyId, key.windowId, key.publicKey, key.fingerprint, key.createdAt, key.memberId,
        ),
      )
      return changes === 1
    },

    async keysOfMember(memberId: string): Promise<StaffKeyView[]> {
      const rows = await db.all(sql("SELECT * FROM window_keys WHERE kind = 'staff' AND member_id = ? ORDER BY created_at", memberId))
      return rows.map(toKeyView)
    },

    async keysOfWindow(windowId: string): Promise<StaffKeyView[]> {
      const rows = await db.all(sql("SELECT * FROM window_keys WHERE kind = 'staff' AND window_id = ? AND member_id IS NOT NULL ORDER BY created_at", windowId))
      return rows.map(toKeyView)
    },

    async key(windowId: string, keyId: string): Promise<StaffKeyView | null> {
      const [r] = await db.all(sql("SELECT * FROM window_keys WHERE kind = 'staff' AND window_id = ? AND key_id = ?", windowId, keyId))
      return r ? toKeyView(r) : null
    },

    async certify(windowId: string, keyId: string, certificate: StaffCertificate): Promise<boolean> {
      const { changes } = await db.run(
        sql('UPDATE window_keys SET certificate = ? WHERE window_id = ? AND key_id = ? AND revoked_at IS NULL', JSON.stringify(certificate), windowId, keyId),
      )
      return changes === 1
    },
  }
}

export type StaffStore = ReturnType<typeof createStaffStore>
