import { openEnvelope } from '@/shared/crypto/envelope'
import { decryptReply } from '@/shared/crypto/reply'
import type { RecipientKeyPair } from '@/shared/crypto/window-keys'
import { bookingPayloadSchema, type BookingPayload } from '@/shared/schemas/booking-payload'
import { followUpPayloadSchema, notePayloadSchema, replyPayloadSchema, type CaseDetail, type CaseSummary } from '@/shared/schemas/staff'
import type { Envelope, ReplyEnvelope } from '@/shared/schemas/envelope'

/** A case as this device can read it. Held in memory only: never written to any storage. */
export interface OpenedCase {
  summary: CaseSummary
  /** null when this device's key cannot open it (sealed before the key was certified). */
  payload: BookingPayload | null
}

export interface OpenedMessage {
  id: string
  kind: 'followUp' | 'reply' | 'note'
  sentAt: string
  authorId: string | null
  /** null when it cannot be opened here; the page says so instead of hiding it. */
  text: string | null
}

export async function openCase(summary: CaseSummary, key: RecipientKeyPair | null): Promise<OpenedCase> {
  if (!key) return { summary, payload: null }
  try {
    const plain = await openEnvelope(summary.envelope, key, { requestId: summary.requestId, windowId: summary.windowId, kind: 'request', messageId: summary.requestId })
    const parsed = bookingPayloadSchema.safeParse(plain)
    return { summary, payload: parsed.success ? parsed.data : null }
  } catch {
    return { summary, payload: null }
  }
}

export async function openMessages(detail: CaseDetail, payload: BookingPayload | null, key: RecipientKeyPair | null): Promise<OpenedMessage[]> {
  const bound = { requestId: detail.requestId, windowId: detail.windowId }
  return Promise.all(
    detail.messages.map(async (m) => {
      let text: string | null = null
      try {
        if (m.kind === 'reply') {
          if (payload) text = replyPayloadSchema.parse(await decryptReply(payload.replyKey, m.envelope as ReplyEnvelope, { requestId: detail.requestId, messageId: m.id })).text
        } else if (key) {
          const plain = await openEnvelope(m.envelope as Envelope, key, { ...bound, kind: m.kind, messageId: m.id })
          text = (m.kind === 'note' ? notePayloadSchema : followUpPayloadSchema).parse(plain).text
        }
      } catch {
        text = null
      }
      return { id: m.id, kind: m.kind, sentAt: m.sentAt, authorId: m.authorId, text }
    }),
  )
}
