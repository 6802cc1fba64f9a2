import { openWindowRecipients } from './recipients'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { encryptReply } from '@/shared/crypto/reply'
import { staffApi } from '../staff-api'

const now = () => new Date().toISOString()

/** A reply only the receipt holder (and colleagues, who hold the reply key from the request) can read. */
export async function sendReply(windowId: string, requestId: string, replyKey: string, text: string) {
  const messageId = crypto.randomUUID()
  const envelope = await encryptReply(replyKey, { v: 1, text, writtenAt: now() }, { requestId, messageId })
  await staffApi.reply(windowId, requestId, { messageId, envelope })
}

/** An internal note, sealed like a request to the window's certified staff keys and its recovery key. */
export async function saveNote(windowId: string, requestId: string, text: string) {
  const messageId = crypto.randomUUID()
  const recipients = await openWindowRecipients(windowId)
  const envelope = await sealEnvelope({ requestId, windowId, kind: 'note', messageId, payload: { v: 1, text, writtenAt: now() }, recipients })
  await staffApi.note(windowId, requestId, { messageId, envelope })
}
