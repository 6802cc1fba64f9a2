import { afterAll, beforeAll } from 'vitest'
import { createInvite } from '../../src/server/staff/invites'
import { defineAvailabilityContract } from './contract/availability-contract'
import { defineCampaignStaffContract } from './contract/campaign-staff-contract'
import { defineMoveBookingContract } from './contract/move-booking-contract'
import { defineStaffContract, type StaffContractSetup } from './contract/staff-contract'
import { startNodeApp } from './helpers/node-app'

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp()
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
defineAvailabilityContract(setup)
