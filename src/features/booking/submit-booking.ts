import { fetchPublicConfig, type PublicConfig } from '@/lib/api'
import { deployment } from '@/lib/deployment'
import { deliver, enqueue, removeEntry, requestBackgroundSync, type DeliveryOutcome } from '@/lib/outbox-delivery'
import { windowRecipients } from '@/lib/window-recipients'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { bookingPayloadSchema, type BookingPayload } from '@/shared/schemas/booking-payload'
import { campaignSchema, type CreateRequest } from '@/shared/schemas/requests'
import { contactOf, type Answers } from './booking-answers'

export type SubmitOutcome =
  | { kind: 'sent'; receipt: string; requestId: string; delivery: DeliveryOutcome }
  | { kind: 'notReady' }
  | { kind: 'noConfig' }

export function payloadOf(answers: Answers, replyKey: string): BookingPayload {
  return bookingPayloadSchema.parse({
    v: 1,
    asker: answers.asker,
    relation: answers.asker === 'family' ? answers.relation : null,
    nickname: answers.nickname,
    ageGroup: answers.ageGroup,
    mode: answers.mode,
    concerns: answers.concerns,
    mainConcern: answers.mainConcern,
    message: answers.message,
    contact: contactOf(answers),
    replyKey,
    writtenAt: new Date().toISOString(),
  })
}

/**
 * Encrypts the answers on this device and sends them. The sealed envelope goes into the outbox
 * before the network is touched, so going offline mid-way loses nothing; the receipt code itself
 * is only returned, never stored.
 */
export async function submitBooking(answers: Answers, options: { campaign?: string | null; config?: PublicConfig | null }): Promise<SubmitOutcome> {
  const windowId = answers.windowId as string
  let config = options.config ?? null
  if (!config) {
    try {
      config = await fetchPublicConfig()
    } catch {
      return { kind: 'noConfig' }
    }
  }
  // Only keys certified by the window's pinned certification key, and its pinned recovery key.
  const recipients = await windowRecipients(config, windowId)
  if (recipients.length === 0) return { kind: 'notReady' }

  const receipt = generateReceiptCode()
  const keys = await deriveReceiptKeys(receipt, deployment.id)
  const requestId = crypto.randomUUID()
  const payload = payloadOf(answers, keys.replyKeyRaw)
  const campaign = campaignSchema.safeParse(options.campaign)
  const send = async (to: typeof recipients) => {
    const envelope = await sealEnvelope({ requestId, windowId, kind: 'request', messageId: requestId, payload, recipients: to })
    const body: CreateRequest = {
      requestId,
      windowId,
      mode: answers.mode as CreateRequest['mode'],
      slotId: answers.slot?.kind === 'slot' ? answers.slot.slot.id : null,
      lookupId: keys.lookupId,
      authHash: keys.authHash,
      envelope,
      ...(campaign.success ? { campaign: campaign.data } : {}),
    }
    await enqueue(body)
    return deliver(requestId)
  }
  let delivery = await send(recipients)
  if (delivery.kind === 'rejected' && delivery.error === 'errors.recipientsChanged') {
    // A colleague's key was certified or revoked since the configuration was read: seal again to
    // the window's keys as they are now (checked against the pinned keys as before), once.
    await removeEntry(requestId)
    const fresh = await fetchPublicConfig().then((c) => windowRecipients(c, windowId)).catch(() => [])
    if (fresh.length === 0) return { kind: 'notReady' }
    delivery = await send(fresh)
  }
  // These outcomes go back to the form, which still holds every answer: the queued copy would
  // otherwise be sent a second time later.
  if (delivery.kind === 'slotTaken' || delivery.kind === 'rateLimited' || delivery.kind === 'rejected') await removeEntry(requestId)
  if (delivery.kind === 'pending') await requestBackgroundSync()
  return { kind: 'sent', receipt, requestId, delivery }
}
