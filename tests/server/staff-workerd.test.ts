import { afterAll, beforeAll } from 'vitest'
import { defineAvailabilityContract } from './contract/availability-contract'
import { defineCampaignStaffContract } from './contract/campaign-staff-contract'
import { defineMoveBookingContract } from './contract/move-booking-contract'
import { defineStaffContract } from './contract/staff-contract'
import { startWorkerd } from './helpers/workerd'

const times = (n: number, invite: { windowId: string; role: 'staff' | 'admin' }) => Array.from({ length: n }, () => invite)

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd({
    rateLimitPerMinute: 100_000,
    invites: [...times(24, { windowId: 'toshima', role: 'staff' }), ...times(10, { windowId: 'toshima', role: 'admin' }), ...times(3, { windowId: 'bunkyo', role: 'admin' })],
  })
}, 120_000)
afterAll(async () => workerd?.close(), 30_000)

// The same staff contract as on Node, in the real workerd runtime with D1: passkeys, sessions, cases.
const setup = () => ({ target: workerd.target, origin: workerd.origin, invite: async (windowId: string, role: 'staff' | 'admin') => workerd.invite(windowId, role) })
defineStaffContract(setup)
defineCampaignStaffContract(setup)
defineMoveBookingContract(setup)
defineAvailabilityContract(setup)
