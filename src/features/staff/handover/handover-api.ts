import { z } from 'zod'
import { resealTargetSchema, type EnvelopeWraps } from '@/shared/schemas/handover'
import { caseMessageSchema } from '@/shared/schemas/staff'
import { call } from '../staff-api'

const base = (windowId: string, requestId: string) => `/windows/${encodeURIComponent(windowId)}/cases/${encodeURIComponent(requestId)}`

/** The re-seal and hand-over routes (src/server/staff/README.md). */
export const handoverApi = {
  targets: (windowId: string) => call('GET', `/windows/${encodeURIComponent(windowId)}/reseal-targets`, z.object({ keys: z.array(resealTargetSchema) })),
  consent: (windowId: string, requestId: string, body: unknown) => call('POST', `${base(windowId, requestId)}/consent`, caseMessageSchema, body),
  addWraps: (windowId: string, requestId: string, envelopes: EnvelopeWraps[]) => call('POST', `${base(windowId, requestId)}/recipients`, z.object({ envelopes: z.number() }), { envelopes }),
  handOver: (windowId: string, requestId: string, toWindowId: string, envelopes: EnvelopeWraps[]) =>
    call('POST', `${base(windowId, requestId)}/handover`, z.object({ requestId: z.string(), windowId: z.string() }), { toWindowId, envelopes }),
}
