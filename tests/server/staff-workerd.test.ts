import { afterAll, beforeAll } from 'vitest'
import { defineAuditStaffContract } from './contract/audit-staff-contract'
import { defineAvailabilityContract } from './contract/availability-contract'
import { defineCampaignStaffContract } from './contract/campaign-staff-contract'
import { defineMoveBookingContract } from './contract/move-booking-contract'
import { defineStaffContract } from './contract/staff-contract'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'
import { seededKeySql } from './helpers/certified-keys'
import { defineHandoverContract } from './contract/handover-contract'

const times = (n: number, invite: { windowId: string; role: 'staff' | 'admin' }) => Array.from({ length: n }, () => invite)

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd({
    rateLimitPerMinute: 100_000,
    invites: [...times(32, { windowId: 'toshima', role: 'staff' }), ...times(18, { windowId: 'toshima', role: 'admin' }), ...times(4, { windowId: 'bunkyo', role: 'admin' }), ...times(4, { windowId: 'bunkyo', role: 'staff' })],
    seed: await seededKeySql(),
  })
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

// The same staff contract as on Node, in the real workerd runtime with D1: passkeys, sessions, cases.
const setup = () => ({ target: workerd.target, origin: workerd.origin, invite: async (windowId: string, role: 'staff' | 'admin') => workerd.invite(windowId, role) })
defineStaffContract(setup)
defineCampaignStaffContract(setup)
defineMoveBookingContract(setup)
defineAuditStaffContract(setup)
defineAvailabilityContract(setup)
defineHandoverContract(setup)
