import type { Me } from '../../shared/schemas/staff'
import type { Store } from '../store/store'

/** What a signed-in member sees of themself: name, windows and roles, and their own staff keys. */
export async function meOf(store: Store, memberId: string): Promise<Me> {
  const [member, windows, keys] = await Promise.all([store.staff.member(memberId), store.staff.memberships(memberId), store.staff.keysOfMember(memberId)])
  return { member: { id: memberId, displayName: member?.displayName ?? '' }, windows, keys }
}
