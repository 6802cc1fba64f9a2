import { Hono, type Context } from 'hono'
import { SLOT_LOOKAHEAD_DAYS } from '../../shared/limits'
import { deletionDate, retentionOf, type RetentionPolicy } from '../../shared/schemas/retention'
import { createRequestSchema, credentialsSchema, followUpSchema, type Slot } from '../../shared/schemas/requests'
import { countSubmitted } from '../campaigns/campaign-routes'
import { publicStatusOf } from '../../shared/schemas/case-status'
import { followUpRefusal, threadPage } from '../abuse/growth-caps'
import { credentialsOf, type CredentialHasher } from '../abuse/credential-hash'
import { powOf, secondsToTokyoMidnight, windowQuotaOf } from '../abuse/booking-guards'
import { expectedRecipients, sealedToExactly } from '../abuse/expected-recipients'
import { checkProof, makeChallenge } from '../abuse/proof-of-work'
import type { ReadCache } from '../abuse/read-cache'
import type { AppDeps } from '../deps'
import { expectedOrigin } from '../staff/origin'
import { constantTimeEqual, hashAuthKey, sha256, toBase64url, type Sha256 } from '../http/hash'
import { readJson, validationError } from '../http/read-json'
import { bookableFrom, isBookable } from '../slots/bookable'
import { toTokyoIso } from '../slots/generate-slots'
import { isUniqueViolation } from '../store/sql-driver'
import type { Store, StoredRequest } from '../store/store'

const DAY_MS = 86_400_000
const ALTERNATIVES = 5
/** Compared against when a lookup id is unknown, so both failures do the same work. */
const NO_SUCH_HASH = 'A'.repeat(43)

const notFound = { error: 'errors.receiptNotFound' } as const

/** Finds the request and checks the auth key; unknown and wrong credentials take the same path. */
async function authenticate(store: Store, credentials: CredentialHasher, lookupId: string, authKey: string, digest: Sha256): Promise<StoredRequest | null> {
  const presented = await hashAuthKey(authKey, digest)
  const candidates = await credentials.candidates(lookupId)
  for (const candidate of candidates) {
    const request = await store.findByLookup(candidate.lookupId)
    if (request) return constantTimeEqual(await candidate.authHash(presented), request.authHash) ? request : null
  }
  constantTimeEqual(await candidates[0]!.authHash(presented), NO_SUCH_HASH)
  return null
}

async function view(store: Store, request: StoredRequest, retention: RetentionPolicy) {
  const [slot, messages, handover] = await Promise.all([
    request.slotId && request.status !== 'cancelled' ? store.getSlot(request.slotId) : null,
    store.messages(request.requestId),
    store.handover.lastHandover(request.requestId),
  ])
  return {
    requestId: request.requestId,
    windowId: request.windowId,
    mode: request.mode,
    status: publicStatusOf(request.caseStatus, slot !== null),
    slot: slot ? { id: slot.id, windowId: slot.windowId, start: slot.start, end: slot.end, mode: slot.mode } : null,
    ...threadPage(messages.map((m) => ({ id: m.id, from: m.from, sentAt: m.sentAt, envelope: JSON.parse(m.envelope) as unknown }))),
    video: request.video === null ? null : (JSON.parse(request.video) as unknown),
    deleteAfter: deletionDate({ status: request.caseStatus, statusAt: request.statusAt, updatedAt: request.updatedAt }, retention),
    handedOverFrom: handover?.fromWindowId ?? null,
    // A time the window took away, while no new one is booked (and the case is still open).
    slotNotice: !slot && request.status !== 'cancelled' && request.caseStatus !== 'closed' ? request.slotNotice : null,
  }
}

/** `json` answers with a complete set of headers at once (see apiJsonResponder); the hot path uses it. */
export function requestRoutes(deps: AppDeps, json: (text: string, status: number) => Response, reads: ReadCache) {
  const now = deps.now ?? (() => new Date())
  const digest = deps.sha256 ?? sha256
  const credentials = (c: Context) => credentialsOf(deps, c)
  const windows = new Set(deps.deployment.windows.map((w) => w.id))
  const retention = retentionOf(deps.deployment.retention)
  const deleteAfter = (at: Date) => new Date(at.getTime() + retention.waitingDays * DAY_MS).toISOString()
  const recipientsOf = expectedRecipients(deps.deployment, reads)
  const proofStatus = { 'errors.proofRequired': 400, 'errors.proofInvalid': 400, 'errors.proofExpired': 409, 'errors.proofUsed': 409 } as const

  const earliestFor = async (store: Store, windowId: string, at: Date) => {
    const window = deps.deployment.windows.find((w) => w.id === windowId)
    return window ? bookableFrom(window, await store.availability.saved(windowId), at) : null
  }
  const alternatives = async (store: Store, slot: Slot, at: Date) => {
    const earliest = await earliestFor(store, slot.windowId, at)
    const open = await store.openSlots(slot.windowId, toTokyoIso(at), toTokyoIso(new Date(at.getTime() + SLOT_LOOKAHEAD_DAYS * DAY_MS)), slot.mode, 50)
    return open.filter((s) => earliest !== null && isBookable(s, earliest)).slice(0, ALTERNATIVES)
  }

  return new Hono()
    // A challenge for the proof-of-work of a slot-taking booking; a POST, so the per-client limit counts it.
    .post('/challenge', async (c) => {
      const pow = powOf(deps, c)
      if (!pow) return c.json({ error: 'errors.notFound' }, 404)
      return c.json({ challenge: await makeChallenge(pow) })
    })

    .post('/', async (c) => {
      const body = await readJson(c, createRequestSchema)
      if (!body.ok) return body.response
      const input = body.data
      const mismatches = [
        ...(input.envelope.requestId === input.requestId ? [] : [{ path: 'envelope.requestId', key: 'validation.mismatch' }]),
        ...(input.envelope.windowId === input.windowId ? [] : [{ path: 'envelope.windowId', key: 'validation.mismatch' }]),
        ...(windows.has(input.windowId) ? [] : [{ path: 'windowId', key: 'validation.unknownWindow' }]),
      ]
      if (mismatches.length > 0) return validationError(c, mismatches)

      const store = deps.getStore(c)
      // The proof differs on every delivery attempt: a retried request is the same request without it.
      const { proof, ...request } = input
      const bodyHash = toBase64url(await digest(JSON.stringify(request)))
      const replay = async () => {
        const first = await store.requestReplay(input.requestId)
        if (!first) return null
        if (first.bodyHash !== bodyHash) return c.json({ error: 'errors.conflict' }, 409)
        // The first answer, byte for byte, so a retried outbox delivery cannot tell it was a retry.
        return json(first.firstResponse, 201)
      }
      // Without a slot the insert itself detects a resubmission, which saves a read per new request.
      if (input.slotId !== null) {
        const replayed = await replay()
        if (replayed) return replayed
      }

      const at = now()
      let slot: Slot | null = null
      if (input.slotId !== null) {
        const found = await store.getSlot(input.slotId)
        if (!found || found.windowId !== input.windowId || found.mode !== input.mode) {
          return validationError(c, [{ path: 'slotId', key: 'validation.unknownSlot' }])
        }
        slot = { id: found.id, windowId: found.windowId, mode: found.mode, start: found.start, end: found.end }
        const earliest = await earliestFor(store, input.windowId, at)
        if (found.booked || earliest === null || !isBookable(slot, earliest)) {
          return c.json({ error: 'errors.slotTaken', alternatives: await alternatives(store, slot, at) }, 409)
        }
      }
      if (!sealedToExactly(input.envelope, await recipientsOf(store, input.windowId))) {
        // A resend of a request stored before the window's keys changed (its 201 lost) gets its first answer.
        return (await replay()) ?? c.json({ error: 'errors.recipientsChanged' }, 409)
      }
      const quota = windowQuotaOf(deps, c)
      const windowFull = () => {
        c.header('Retry-After', String(secondsToTokyoMidnight(at)))
        return c.json({ error: 'errors.windowFull' }, 429)
      }
      // A slot booking is refused before its proof-of-work is spent; without a slot the INSERT checks the quota.
      if (quota !== null && slot && (await store.requestsToday(input.windowId, at)) >= quota) return windowFull()
      const pow = slot ? powOf(deps, c) : null
      if (pow) {
        const refusal = await checkProof(pow, proof, (signature, expiresAt) => store.useChallenge(signature, expiresAt))
        if (refusal) return c.json({ error: refusal }, proofStatus[refusal])
      }
      const answer = { requestId: input.requestId, status: slot ? 'booked' : 'waiting', slot, deleteAfter: deleteAfter(at) }
      const firstResponse = JSON.stringify(answer)
      const outcome = await store.createRequest({
        requestId: input.requestId,
        windowId: input.windowId,
        mode: input.mode,
        slotId: slot?.id ?? null,
        ...(await credentials(c).stored(input.lookupId, input.authHash)),
        envelope: JSON.stringify(input.envelope),
        bodyHash,
        firstResponse,
        createdAt: at.toISOString(),
        deleteAfter: answer.deleteAfter,
        windowQuota: quota,
      })
      // The quota's INSERT adds no row for a resend either: one already stored (its 201 lost) gets its first answer.
      if (outcome === 'windowFull') return (await replay()) ?? windowFull()
      if (outcome === 'created') {
        await countSubmitted(deps, store, input.campaign)
        deps.notifier?.(c)?.(c, expectedOrigin(c, deps))
        return json(firstResponse, 201)
      }
      if (outcome === 'slotTaken' && slot) {
        return c.json({ error: 'errors.slotTaken', alternatives: await alternatives(store, slot, at) }, 409)
      }
      // A concurrent delivery of the same request won the insert; or the lookup id is already used.
      return (await replay()) ?? c.json({ error: 'errors.conflict' }, 409)
    })

    .post('/lookup', async (c) => {
      const body = await readJson(c, credentialsSchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const request = await authenticate(store, credentials(c), body.data.lookupId, body.data.authKey, digest)
      if (!request) return c.json(notFound, 404)
      return c.json(await view(store, request, retention))
    })

    .post('/cancel', async (c) => {
      const body = await readJson(c, credentialsSchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const request = await authenticate(store, credentials(c), body.data.lookupId, body.data.authKey, digest)
      if (!request) return c.json(notFound, 404)
      if (request.caseStatus === 'cancelled') return c.json(await view(store, request, retention))
      const at = now().toISOString()
      await store.cancel(request.requestId, at)
      return c.json(await view(store, { ...request, status: 'cancelled', caseStatus: 'cancelled', statusAt: at, updatedAt: at }, retention))
    })

    .post('/messages', async (c) => {
      const body = await readJson(c, followUpSchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const request = await authenticate(store, credentials(c), body.data.lookupId, body.data.authKey, digest)
      if (!request) return c.json(notFound, 404)
      const { envelope } = body.data
      if (envelope.requestId !== request.requestId || envelope.windowId !== request.windowId) {
        return validationError(c, [{ path: 'envelope.requestId', key: 'validation.mismatch' }])
      }
      if (!sealedToExactly(envelope, await recipientsOf(store, request.windowId))) return c.json({ error: 'errors.recipientsChanged' }, 409)
      if (request.caseStatus === 'cancelled' || request.caseStatus === 'closed') return c.json({ error: 'errors.requestClosed' }, 409)
      const at = now()
      const refusal = followUpRefusal(await store.messages(request.requestId), at)
      if (refusal) return c.json({ error: refusal.error }, refusal.status)
      // The person's device chose the id and sealed it into the envelope (issue 9).
      const message = { id: body.data.messageId, from: 'person' as const, sentAt: at.toISOString(), envelope: JSON.stringify(envelope) }
      try {
        await store.addMessage(request.requestId, message, at.toISOString(), deleteAfter(at))
      } catch (error) {
        // The id is taken (a resend after a lost answer, or reused on purpose): nothing is overwritten.
        if (isUniqueViolation(error)) return c.json({ error: 'errors.messageExists' }, 409)
        throw error
      }
      return c.json({ id: message.id, sentAt: message.sentAt, deleteAfter: deleteAfter(at) }, 201)
    })
}
