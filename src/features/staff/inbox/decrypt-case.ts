import { openEnvelope } from '@/shared/crypto/envelope'
import { boundWindowOf } from '@/shared/crypto/reseal'
import { consentPayloadSchema, type ConsentPayload } from '@/shared/schemas/handover'
import { decryptReply } from '@/shared/crypto/reply'
import type { RecipientKeyPair } from '@/shared/crypto/window-keys'
import { bookingPayloadSchema, type BookingPayload } from '@/shared/schemas/booking-payload'
import { followUpPayloadSchema, notePayloadSchema, replyPayloadSchema, type CaseDetail, type CaseSummary } from '@/shared/schemas/staff'
import { contactLogPayloadSchema, type ContactLogPayload } from '@/shared/schemas/contact-log'
import type { Envelope, ReplyEnvelope } from '@/shared/schemas/envelope'

/** A case as this device can read it. Held in memory only: never written to any storage. */
export interface OpenedCase {
  summary: CaseSummary
  /** null when this device's key cannot open it (sealed before the key was certified). */
  payload: BookingPayload | null
}

export interface OpenedMessage {
  id: string
  kind: CaseDetail['messages'][number]['kind']
  sentAt: string
  authorId: string | null
  /** null when it cannot be opened here; the page says so instead of hiding it. */
  text: string | null
  /** A contact log entry, opened: counted by the reports. null when not a contact or unreadable. */
  contact: ContactLogPayload | null
  /** The person's recorded consent to a hand-over, opened; absent or null otherwise. */
  consent?: ConsentPayload | null
}

export async function openCase(summary: CaseSummary, key: RecipientKeyPair | null): Promise<OpenedCase> {
  if (!key) return { summary, payload: null }
  try {
    const windowId = boundWindowOf(summary.envelope, summary.windowId, summary.handovers)
    const plain = await openEnvelope(summary.envelope, key, { requestId: summary.requestId, windowId, kind: 'request', messageId: summary.requestId })
    const parsed = bookingPayloadSchema.safeParse(plain)
    return { summary, payload: parsed.success ? parsed.data : null }
  } catch {
    return { summary, payload: null }
  }
}

export async function openMessages(detail: CaseDetail, payload: BookingPayload | null, key: RecipientKeyPair | null): Promise<OpenedMessage[]> {
  return Promise.all(
    detail.messages.map(async (m) => {
      let text: string | null = null
      let contact: ContactLogPayload | null = null
      let consent: ConsentPayload | null = null
      try {
        if (m.kind === 'reply') {
          if (payload) text = replyPayloadSchema.parse(await decryptReply(payload.replyKey, m.envelope as ReplyEnvelope, { requestId: detail.requestId, messageId: m.id })).text
        } else if (key) {
          const envelope = m.envelope as Envelope
          const windowId = boundWindowOf(envelope, detail.windowId, detail.handovers)
          const plain = await openEnvelope(envelope, key, { requestId: detail.requestId, windowId, kind: m.kind, messageId: m.id })
          if (m.kind === 'consent') {
            consent = consentPayloadSchema.parse(plain)
            if (consent.id !== m.id) throw new TypeError('consent id mismatch')
            text = consent.scope
          } else if (m.kind === 'contact') {
            contact = contactLogPayloadSchema.parse(plain)
            // The entry names its own id: one moved from another message would not match.
            if (contact.id !== m.id) throw new TypeError('contact id mismatch')
            text = contact.notes ?? ''
          } else {
            text = (m.kind === 'note' ? notePayloadSchema : followUpPayloadSchema).parse(plain).text
          }
        }
      } catch {
        text = null
        contact = null
        consent = null
      }
      return { id: m.id, kind: m.kind, sentAt: m.sentAt, authorId: m.authorId, text, contact, consent }
    }),
  )
}
