import type { Envelope } from '../schemas/envelope'
import { addRecipients, openContentKey, type EnvelopeBinding, type EnvelopeRecipient, type OpeningKey } from './envelope'

type SealedKey = Envelope['recipients'][number]

/**
 * The wraps to add so `recipients` can open this envelope too (re-seal to a new colleague): the
 * content key is opened with `opener` (a staff key, or the recovery key loaded from its file) and
 * sealed again. Keys already on the envelope get nothing. Throws DecryptError when `opener` cannot open it.
 */
export async function resealWraps(envelope: Envelope, opener: OpeningKey, expected: EnvelopeBinding, recipients: EnvelopeRecipient[]): Promise<SealedKey[]> {
  const contentKey = await openContentKey(envelope, opener, expected)
  try {
    const present = new Set(envelope.recipients.map((r) => r.keyId))
    const more = await addRecipients(envelope, contentKey, expected, recipients)
    return more.recipients.filter((r) => !present.has(r.keyId))
  } finally {
    contentKey.fill(0)
  }
}

/** The complete list of wraps for another window's readers (hand-over): none of the old ones stay. */
export async function handoverWraps(envelope: Envelope, opener: OpeningKey, expected: EnvelopeBinding, recipients: EnvelopeRecipient[]): Promise<SealedKey[]> {
  const contentKey = await openContentKey(envelope, opener, expected)
  try {
    return (await addRecipients({ ...envelope, recipients: [] }, contentKey, expected, recipients)).recipients
  } finally {
    contentKey.fill(0)
  }
}

/**
 * The window an envelope of a case is bound to: its own window, or one the case was handed over
 * from. The envelope's claim is accepted only inside that list, so a server cannot pass off a
 * message of an unrelated window as this case's.
 */
export function boundWindowOf(envelope: Pick<Envelope, 'windowId'>, caseWindowId: string, handovers: ReadonlyArray<{ fromWindowId: string }> = []): string {
  const allowed = new Set([caseWindowId, ...handovers.map((h) => h.fromWindowId)])
  return allowed.has(envelope.windowId) ? envelope.windowId : caseWindowId
}
