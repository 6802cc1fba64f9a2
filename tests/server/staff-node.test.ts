import { afterAll, beforeAll } from 'vitest'
import { createInvite } from '../../src/server/staff/invites'
import { defineAuditStaffContract } from './contract/audit-staff-contract'
import { defineAvailabilityContract } from './contract/availability-contract'
import { defineCampaignStaffContract } from './contract/campaign-staff-contract'
import { defineMoveBookingContract } from './contract/move-booking-contract'
import { defineStaffContract, type StaffContractSetup } from './contract/staff-contract'
import { startNodeApp } from './helpers/node-app'
import { seedNode } from './helpers/certified-keys'
import { defineHandoverContract } from './contract/handover-contract'

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp()
  await seedNode(node.driver)
})
afterAll(() => node.close())

const setup = (): StaffContractSetup => ({
  target: node.target,
  origin: 'http://localhost',
  invite: async (windowId, role) => (await createInvite(node.store, { windowId, role }, new Date(), 'http://localhost')).token,
})
defineStaffContract(setup)
defineCampaignStaffContract(setup)
defineMoveBookingContract(setup)
defineAuditStaffContract(setup)
defineHandoverContract(setup)
defineAvailabilityContract(setup)
