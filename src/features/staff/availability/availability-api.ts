import {
  availabilitySavedSchema,
  availabilityViewSchema,
  cancelSlotsResultSchema,
  releaseResultSchema,
  staffSlotsSchema,
  type CancelSlotsBody,
  type ModeAvailability,
  type SlotMode,
} from '@/shared/schemas/availability'
import { call } from '../staff-api'

const base = (windowId: string) => `/windows/${encodeURIComponent(windowId)}/availability`

/** The availability routes (src/server/staff/README.md), each answer parsed with the shared schema. */
export const availabilityApi = {
  view: (windowId: string) => call('GET', base(windowId), availabilityViewSchema),
  save: (windowId: string, mode: SlotMode, settings: ModeAvailability) => call('POST', `${base(windowId)}/${mode}`, availabilitySavedSchema, settings),
  slots: (windowId: string) => call('GET', `${base(windowId)}/slots`, staffSlotsSchema),
  cancel: (windowId: string, body: CancelSlotsBody) => call('POST', `${base(windowId)}/cancel`, cancelSlotsResultSchema, body),
  release: (windowId: string, requestIds: string[]) => call('POST', `${base(windowId)}/release`, releaseResultSchema, { requestIds }),
  told: (windowId: string, requestId: string) => call('POST', `/windows/${encodeURIComponent(windowId)}/cases/${encodeURIComponent(requestId)}/told`, null, {}),
}
