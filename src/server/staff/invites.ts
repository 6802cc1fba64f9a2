import type { StaffRole } from '../../shared/schemas/staff'
import type { Store } from '../store/store'
import { randomToken, tokenHash } from './session'

export const INVITE_MS = 24 * 60 * 60_000

/**
 * A one-time invite, valid 24 hours. The token travels in the URL fragment, so it never reaches a
 * server log or a Referer; the database keeps only its SHA-256.
 */
export async function createInvite(store: Store, invite: { windowId: string; role: StaffRole }, at: Date, origin: string) {
  const token = randomToken()
  const expiresAt = new Date(at.getTime() + INVITE_MS).toISOString()
  await store.staff.addInvite(await tokenHash(token), { ...invite, expiresAt, usedAt: null }, at.toISOString())
  return { token, expiresAt, url: inviteUrl(origin, token) }
}

export function inviteUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/staff/join#${token}`
}

/** The same invite as one SQL statement, for D1 (`wrangler d1 execute`), where this CLI cannot write. */
export async function inviteSql(invite: { windowId: string; role: StaffRole }, at: Date, origin: string) {
  const token = randomToken()
  const expiresAt = new Date(at.getTime() + INVITE_MS).toISOString()
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`
  const sql =
    'INSERT INTO staff_invites (token_hash, window_id, role, created_at, expires_at) VALUES (' +
    [await tokenHash(token), invite.windowId, invite.role, at.toISOString(), expiresAt].map(quote).join(', ') +
    ')'
  return { token, sql, url: inviteUrl(origin, token) }
}
