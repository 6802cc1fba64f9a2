import type { z } from 'zod'
import { caseDetailSchema, caseSummarySchema, meSchema, memberViewSchema, staffKeyViewSchema } from '@/shared/schemas/staff'
import { z as zod } from 'zod'
import type { ReplyEnvelope } from '@/shared/schemas/envelope'

/**
 * The staff API (src/server/staff/README.md). The session cookie is sent only to /api/staff (its
 * Path), same-origin; an error is the server's i18n key, shown through staff-text.
 */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
  ) {
    super(key)
  }
}

export async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S | null, body?: unknown): Promise<z.output<S>> {
  let response: Response
  try {
    response = await fetch(`/api/staff${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new StaffApiError(0, 'errors.network')
  }
  if (response.status === 204) return undefined as z.output<S>
  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const key = (json as { error?: unknown } | null)?.error
    throw new StaffApiError(response.status, typeof key === 'string' ? key : 'errors.internal')
  }
  return (schema ? schema.parse(json) : json) as z.output<S>
}

const sessionSchema = zod.object({ me: meSchema.nullable() })
const casesSchema = zod.object({ cases: zod.array(caseSummarySchema) })
const membersSchema = zod.object({ members: zod.array(memberViewSchema) })
const inviteSchema = zod.object({ url: zod.string(), expiresAt: zod.string() })
const loginStartSchema = zod.object({ challengeId: zod.string(), options: zod.record(zod.string(), zod.unknown()) })
const inviteInfoSchema = zod.object({ windowId: zod.string(), role: zod.enum(['staff', 'admin']), expiresAt: zod.string() })

const caseBase = (windowId: string, requestId: string) => `/windows/${encodeURIComponent(windowId)}/cases/${encodeURIComponent(requestId)}`

export const staffApi = {
  me: () => call('GET', '/me', meSchema),
  /** Who is signed in on this browser: `{ me: null }` when nobody is (not an error). */
  session: () => call('GET', '/session', sessionSchema),
  inviteInfo: (token: string) => call('POST', '/invites/info', inviteInfoSchema, { token }),
  registerOptions: (token: string, displayName: string) => call('POST', '/invites/register-options', null, { token, displayName }),
  register: (token: string, displayName: string, response: unknown) => call('POST', '/invites/register', meSchema, { token, displayName, response }),
  loginOptions: () => call('POST', '/login/options', loginStartSchema, {}),
  login: (challengeId: string, response: unknown) => call('POST', '/login', meSchema, { challengeId, response }),
  logout: () => call('POST', '/logout', null, {}),
  addKey: (windowId: string, publicKey: string) => call('POST', '/keys', staffKeyViewSchema, { windowId, publicKey }),
  cases: (windowId: string) => call('GET', `/windows/${encodeURIComponent(windowId)}/cases`, casesSchema),
  caseDetail: (windowId: string, requestId: string) => call('GET', caseBase(windowId, requestId), caseDetailSchema),
  reply: (windowId: string, requestId: string, body: unknown) => call('POST', `${caseBase(windowId, requestId)}/replies`, null, body),
  note: (windowId: string, requestId: string, body: unknown) => call('POST', `${caseBase(windowId, requestId)}/notes`, null, body),
  contact: (windowId: string, requestId: string, body: unknown) => call('POST', `${caseBase(windowId, requestId)}/contacts`, null, body),
  setStatus: (windowId: string, requestId: string, status: string) => call('POST', `${caseBase(windowId, requestId)}/status`, caseSummarySchema, { status }),
  setVideo: (windowId: string, requestId: string, video: ReplyEnvelope | null) => call('POST', `${caseBase(windowId, requestId)}/video`, null, { video }),
  markRead: (windowId: string, requestId: string) => call('POST', `${caseBase(windowId, requestId)}/read`, null, {}),
  members: (windowId: string) => call('GET', `/windows/${encodeURIComponent(windowId)}/members`, membersSchema),
  certify: (windowId: string, keyId: string, certificate: unknown) =>
    call('POST', `/windows/${encodeURIComponent(windowId)}/keys/${encodeURIComponent(keyId)}/certificate`, staffKeyViewSchema, certificate),
  revoke: (windowId: string, memberId: string) => call('POST', `/windows/${encodeURIComponent(windowId)}/members/${encodeURIComponent(memberId)}/revoke`, null, {}),
  invite: (windowId: string, role: 'staff' | 'admin') => call('POST', `/windows/${encodeURIComponent(windowId)}/invites`, inviteSchema, { role }),
}
