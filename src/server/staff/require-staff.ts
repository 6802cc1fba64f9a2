import type { Context, MiddlewareHandler } from 'hono'
import type { Membership, StaffMember } from './staff-store'
import type { Store } from '../store/store'
import { currentSession } from './session'

export interface StaffContext {
  member: StaffMember
  memberships: Membership[]
}

export type StaffEnv = { Variables: { staff: StaffContext } }

/** 401 unless a live session of an unrevoked member comes with the request; puts the member on the context. */
export function requireStaff(getStore: (c: Context) => Store, now: () => Date): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const store = getStore(c)
    const memberId = await currentSession(c, store, now())
    const member = memberId ? await store.staff.member(memberId) : null
    if (!member || member.revokedAt) return c.json({ error: 'errors.signInRequired' }, 401)
    c.set('staff', { member, memberships: await store.staff.memberships(member.id) })
    await next()
  }
}

/** The member's role in a window, or null when they do not belong to it (answered as 404: nothing is said). */
export function roleIn(staff: StaffContext, windowId: string) {
  return staff.memberships.find((m) => m.windowId === windowId)?.role ?? null
}
