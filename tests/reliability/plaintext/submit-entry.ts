import './zod-jitless'
import { emptyAnswers, type Answers } from '@/features/booking/booking-answers'
import { submitBooking } from '@/features/booking/submit-booking'
import { lookupRequest, sendFollowUp } from '@/features/request-status/status-api'
import { deployment } from '@/lib/deployment'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import type { Slot } from '@/shared/schemas/requests'
import type { MarkedRequest } from './markers'

export interface PageBooking {
  marked: MarkedRequest
  windowId: string
  slot: Slot | null
  contact: 'email' | 'phone'
  followUp: boolean
}

export interface PageOutcome {
  outcome: string
  requestId?: string
  followUp?: string
}

/**
 * Bundled by browser-driver.ts and loaded into a page of the app's own origin: the form's submit
 * code (seal in the browser, outbox, POST, proof-of-work for a slot) and the status page's
 * follow-up code, called with the answers the form would hold.
 */
export async function book(b: PageBooking): Promise<PageOutcome> {
  const answers: Answers = {
    ...emptyAnswers(b.windowId),
    asker: 'family',
    relation: 'parent',
    nickname: b.marked.nickname,
    ageGroup: '20s',
    mode: b.slot ? b.slot.mode : 'phone',
    slot: b.slot ? { kind: 'slot', slot: b.slot } : { kind: 'later' },
    concerns: ['hikikomori'],
    message: b.marked.message,
    contactKind: b.contact,
    email: b.contact === 'email' ? b.marked.email : '',
    phone: b.contact === 'phone' ? b.marked.phone : '',
    safeTimes: b.contact === 'phone' ? b.marked.safeTimes : '',
    consent: true,
  }
  const sent = await submitBooking(answers, { config: null })
  if (sent.kind !== 'sent') return { outcome: sent.kind }
  if (sent.delivery.kind !== 'delivered') return { outcome: sent.delivery.kind, requestId: sent.requestId }
  if (!b.followUp) return { outcome: 'delivered', requestId: sent.requestId }
  const keys = await deriveReceiptKeys(sent.receipt, deployment.id)
  const credentials = { lookupId: keys.lookupId, authKey: keys.authKey }
  const view = await lookupRequest(credentials)
  if (view.kind !== 'ok') return { outcome: 'delivered', requestId: sent.requestId, followUp: `lookup ${view.kind}` }
  const followUp = await sendFollowUp(credentials, view.value, b.marked.followUp)
  return { outcome: 'delivered', requestId: sent.requestId, followUp: followUp.kind }
}
