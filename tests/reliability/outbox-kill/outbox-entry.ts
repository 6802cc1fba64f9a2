import '../plaintext/zod-jitless'
import { fetchPublicConfig, type PublicConfig } from '@/lib/api'
import { getOutboxDb } from '@/lib/db'
import { emptyAnswers, type Answers } from '@/features/booking/booking-answers'
import { submitBooking } from '@/features/booking/submit-booking'
import type { Slot } from '@/shared/schemas/requests'

export interface ClientBooking {
  windowId: string
  slot: Slot | null
  n: number
}

export interface ClientOutcome {
  /** submitBooking's kind, or its delivery's kind once sealed and queued. */
  outcome: string
  requestId?: string
}

/** Read once, as the form does when it opens; a form left open keeps what it read. */
let config: PublicConfig | null = null

/**
 * Bundled by the SIGKILL run and loaded into a page of the app's origin: the form's own submit
 * code (seal, outbox, POST, proof-of-work for a time) with the answers the form would hold.
 */
export async function book(b: ClientBooking): Promise<ClientOutcome> {
  if (!config) {
    try {
      config = await fetchPublicConfig()
    } catch {
      return { outcome: 'noConfig' }
    }
  }
  const answers: Answers = {
    ...emptyAnswers(b.windowId),
    asker: 'self',
    nickname: `outbox-${b.n}`,
    ageGroup: '20s',
    mode: b.slot ? b.slot.mode : 'phone',
    slot: b.slot ? { kind: 'slot', slot: b.slot } : { kind: 'later' },
    concerns: ['hikikomori'],
    message: `SIGKILL の試験 ${b.n}`,
    contactKind: 'email',
    email: `outbox-${b.n}@example.jp`,
    consent: true,
  }
  const sent = await submitBooking(answers, { config })
  if (sent.kind !== 'sent') return { outcome: sent.kind }
  return { outcome: sent.delivery.kind, requestId: sent.requestId }
}

/** What this device's outbox holds now: the same database the app's pages and service worker use. */
export async function outbox(): Promise<Array<{ id: string; state: string }>> {
  return (await getOutboxDb().envelopes.toArray()).map((e) => ({ id: e.id, state: e.state }))
}
