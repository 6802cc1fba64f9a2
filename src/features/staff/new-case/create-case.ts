import { deployment } from '@/lib/deployment'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { createdRequestSchema, type CreatedRequest } from '@/shared/schemas/requests'
import type { z } from 'zod'
import type { staffCreateCaseBodySchema } from '@/shared/schemas/staff'
import { openWindowRecipients } from '../case/recipients'
import { call as staffCall } from '../staff-api'
import { payloadOf, type NewCaseAnswers } from './new-case-answers'

export interface CreatedCase extends CreatedRequest {
  receipt: string
}

/**
 * Seals the case in this browser exactly as the public form seals a request: a receipt code made
 * here, the keys derived from it, the payload encrypted to the window's certified staff keys and
 * its pinned recovery key. The receipt is only returned (for the screen and the print sheet), never stored.
 */
export async function createCase(windowId: string, answers: NewCaseAnswers): Promise<CreatedCase> {
  const recipients = await openWindowRecipients(windowId)
  const receipt = generateReceiptCode()
  const keys = await deriveReceiptKeys(receipt, deployment.id)
  const requestId = crypto.randomUUID()
  const envelope = await sealEnvelope({ requestId, windowId, kind: 'request', messageId: requestId, payload: payloadOf(answers, keys.replyKeyRaw), recipients })
  const body: z.input<typeof staffCreateCaseBodySchema> = {
    requestId,
    windowId,
    mode: answers.mode as NonNullable<NewCaseAnswers['mode']>,
    slotId: answers.slot && answers.slot !== 'later' ? answers.slot.id : null,
    lookupId: keys.lookupId,
    authHash: keys.authHash,
    envelope,
    origin: answers.origin as NonNullable<NewCaseAnswers['origin']>,
  }
  const created = await staffCall('POST', `/windows/${encodeURIComponent(windowId)}/cases`, createdRequestSchema, body)
  return { ...created, receipt }
}
