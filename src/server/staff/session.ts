import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { toBase64url } from '../../shared/crypto/base64url'
import { sha256 } from '../http/hash'
import type { Store } from '../store/store'

/** DESIGN §8: staff-only cookie, 30 minutes idle, 8 hours absolute. The public side never gets one. */
export const SESSION_COOKIE = 'tsunagu_staff'
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_MAX_MS = 8 * 60 * 60_000
/** A session's last-seen time is written at most this often, so reading the inbox is not a write per poll. */
const TOUCH_EVERY_MS = 60_000

const COOKIE = { path: '/api/staff', httpOnly: true, secure: true, sameSite: 'Strict' } as const

export const randomToken = () => toBase64url(crypto.getRandomValues(new Uint8Array(32)))

/** SHA-256 of a random token, base64url: what the database keeps of session ids and invite tokens. */
export async function tokenHash(token: string): Promise<string> {
  return toBase64url(await sha256(token))
}

export async function startSession(c: Context, store: Store, memberId: string, at: Date): Promise<void> {
  const id = randomToken()
  await store.staff.addSession(await tokenHash(id), memberId, at.toISOString())
  setCookie(c, SESSION_COOKIE, id, { ...COOKIE, maxAge: SESSION_MAX_MS / 1000 })
}

export async function endSession(c: Context, store: Store): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE)
  if (id) await store.staff.endSession(await tokenHash(id))
  deleteCookie(c, SESSION_COOKIE, COOKIE)
}

/** The member id of a live session, or null. An expired session is deleted on the way. */
export async function currentSession(c: Context, store: Store, at: Date): Promise<string | null> {
  const id = getCookie(c, SESSION_COOKIE)
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null
  const hash = await tokenHash(id)
  const session = await store.staff.session(hash)
  if (!session) return null
  const now = at.getTime()
  const idle = now - Date.parse(session.lastSeenAt)
  if (idle > SESSION_IDLE_MS || now - Date.parse(session.createdAt) > SESSION_MAX_MS) {
    await store.staff.endSession(hash)
    return null
  }
  if (idle > TOUCH_EVERY_MS) await store.staff.touchSession(hash, at.toISOString())
  return session.memberId
}
