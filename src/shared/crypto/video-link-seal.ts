import type { ReplyEnvelope } from '../schemas/envelope'
import { videoLinkPayloadSchema } from '../schemas/staff'
import { decryptReply, encryptReply, type ReplyBinding } from './reply'

/**
 * A video link travels like a reply (issue: reach): sealed in the staff browser with the reply key
 * only the receipt holder and the window's staff hold, so the server and its backups never see the
 * meeting address. It is bound to the request and to this fixed id, never a message id (those are
 * UUIDs), so it cannot be passed off as a reply or moved to another request.
 */
const binding = (requestId: string): ReplyBinding => ({ requestId, messageId: 'video-link' })

export async function sealVideoLink(replyKeyRaw: string, requestId: string, url: string): Promise<ReplyEnvelope> {
  const payload = videoLinkPayloadSchema.parse({ v: 1, url })
  return encryptReply(replyKeyRaw, payload, binding(requestId))
}

/** The https link, or null when the envelope does not open with this key or holds anything but an https URL. */
export async function openVideoLink(replyKeyRaw: string, requestId: string, envelope: ReplyEnvelope): Promise<string | null> {
  try {
    const payload = videoLinkPayloadSchema.safeParse(await decryptReply(replyKeyRaw, envelope, binding(requestId)))
    return payload.success ? payload.data.url : null
  } catch {
    return null
  }
}
