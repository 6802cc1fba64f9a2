import type { EnvelopeBinding, EnvelopeRecipient, OpeningKey } from '@/shared/crypto/envelope'
import { boundWindowOf, handoverWraps, resealWraps } from '@/shared/crypto/reseal'
import type { Envelope } from '@/shared/schemas/envelope'
import type { EnvelopeWraps } from '@/shared/schemas/handover'
import type { CaseDetail } from '@/shared/schemas/staff'
import { staffApi } from '../staff-api'
import { handoverApi } from './handover-api'

/** Every envelope of a case sealed to the window (replies use the reply key), with the binding to open it. */
export function caseEnvelopes(detail: CaseDetail): Array<{ envelope: Envelope; binding: EnvelopeBinding }> {
  const bind = (envelope: Envelope, kind: EnvelopeBinding['kind'], messageId: string) => ({
    envelope,
    binding: { requestId: detail.requestId, windowId: boundWindowOf(envelope, detail.windowId, detail.handovers), kind, messageId },
  })
  return [
    bind(detail.envelope, 'request', detail.requestId),
    ...detail.messages.flatMap((m) => (m.kind === 'reply' ? [] : [bind(m.envelope as Envelope, m.kind, m.id)])),
  ]
}

/**
 * Seals one case's content keys to `targets` too, envelope by envelope. Returns whether anything
 * was added and whether some envelope could not be opened with `opener` (left as it was).
 */
export async function resealCase(windowId: string, requestId: string, opener: OpeningKey, targets: EnvelopeRecipient[]) {
  const detail = await staffApi.caseDetail(windowId, requestId)
  let unreadable = false
  const envelopes: EnvelopeWraps[] = []
  for (const { envelope, binding } of caseEnvelopes(detail)) {
    const lacking = targets.filter((t) => !envelope.recipients.some((r) => r.keyId === t.keyId))
    if (lacking.length === 0) continue
    try {
      const recipients = await resealWraps(envelope, opener, binding, lacking)
      if (recipients.length > 0) envelopes.push({ messageId: binding.messageId, recipients })
    } catch {
      unreadable = true
    }
  }
  if (envelopes.length > 0) await handoverApi.addWraps(windowId, requestId, envelopes)
  return { added: envelopes.length > 0, unreadable }
}

/** Re-seals the whole case to another window's readers and passes it on; the old window's wraps are dropped by the server. */
export async function handOverCase(detail: CaseDetail, opener: OpeningKey, toWindowId: string, readers: EnvelopeRecipient[]) {
  const envelopes: EnvelopeWraps[] = []
  for (const { envelope, binding } of caseEnvelopes(detail)) {
    try {
      envelopes.push({ messageId: binding.messageId, recipients: await handoverWraps(envelope, opener, binding, readers) })
    } catch {
      throw Object.assign(new Error('cannot open'), { key: 'cannotOpen' })
    }
  }
  return handoverApi.handOver(detail.windowId, detail.requestId, toWindowId, envelopes)
}
