import { fetchPublicConfig, postJson } from '@/lib/api'
import { windowRecipients } from '@/lib/window-recipients'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { decryptReply } from '@/shared/crypto/reply'
import { replyEnvelopeSchema } from '@/shared/schemas/envelope'
import { followUpPayloadSchema, replyPayloadSchema } from '@/shared/schemas/staff'
import { requestViewSchema, type Credentials, type RequestView } from '@/shared/schemas/requests'

export type CallResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'notFound' }
  | { kind: 'network' }
  | { kind: 'busy' }
  | { kind: 'closed' }
  | { kind: 'failed' }
  /** A follow-up over a cap, or sealed to keys the window no longer has: the key is the status page's text. */
  | { kind: 'refused'; error: 'errors.threadFull' | 'errors.dailyLimit' | 'errors.recipientsChanged' }

const REFUSALS = new Set(['errors.threadFull', 'errors.dailyLimit', 'errors.recipientsChanged'])

function failure(answer: Awaited<ReturnType<typeof postJson>>): CallResult<never> {
  if (answer.kind === 'network') return { kind: 'network' }
  const error = (answer.body as { error?: unknown } | null)?.error
  if (typeof error === 'string' && REFUSALS.has(error)) return { kind: 'refused', error: error as 'errors.threadFull' }
  // A wrong code, an unknown code and a malformed one all read as "not found" (the server answers them alike).
  if (answer.status === 404 || answer.status === 400) return { kind: 'notFound' }
  if (answer.status === 429) return { kind: 'busy' }
  if (answer.status === 409) return { kind: 'closed' }
  return { kind: 'failed' }
}

async function viewCall(path: string, credentials: Credentials): Promise<CallResult<RequestView>> {
  const answer = await postJson(path, credentials)
  if (answer.kind !== 'ok') return failure(answer)
  const view = requestViewSchema.safeParse(answer.body)
  return view.success ? { kind: 'ok', value: view.data } : { kind: 'failed' }
}

export const lookupRequest = (credentials: Credentials) => viewCall('/api/requests/lookup', credentials)
export const cancelRequest = (credentials: Credentials) => viewCall('/api/requests/cancel', credentials)

/** A follow-up is sealed to the window's current certified recipients, like the request itself. */
export async function sendFollowUp(credentials: Credentials, view: RequestView, message: string): Promise<CallResult<null>> {
  let config
  try {
    config = await fetchPublicConfig()
  } catch {
    return { kind: 'network' }
  }
  const recipients = await windowRecipients(config, view.windowId)
  if (recipients.length === 0) return { kind: 'failed' }
  // The id is chosen here and bound into the envelope, so the server cannot pass it off as another message.
  const messageId = crypto.randomUUID()
  const envelope = await sealEnvelope({
    requestId: view.requestId,
    windowId: view.windowId,
    kind: 'followUp',
    messageId,
    payload: followUpPayloadSchema.parse({ v: 1, text: message, writtenAt: new Date().toISOString() }),
    recipients,
  })
  const answer = await postJson('/api/requests/messages', { ...credentials, messageId, envelope })
  return answer.kind === 'ok' ? { kind: 'ok', value: null } : failure(answer)
}

/**
 * Staff replies are encrypted with the reply key only the receipt holder can derive, and bound to
 * this request and the message's id: a reply moved from another request or message is not shown.
 */
export async function readStaffMessage(replyKeyRaw: string, where: { requestId: string; messageId: string }, envelope: unknown): Promise<string | null> {
  const parsed = replyEnvelopeSchema.safeParse(envelope)
  if (!parsed.success) return null
  try {
    const reply = replyPayloadSchema.safeParse(await decryptReply(replyKeyRaw, parsed.data, where))
    return reply.success ? reply.data.text : null
  } catch {
    return null
  }
}
