import { Hono, type Context } from 'hono'
import type { Envelope } from '../../shared/schemas/envelope'
import { consentBodySchema, handoverBodySchema, resealBodySchema, CONSENTS_PER_CASE, type EnvelopeWraps } from '../../shared/schemas/handover'
import { MAX_RECIPIENTS } from '../../shared/limits'
import type { AppDeps } from '../deps'
import { readJson, validationError, type FieldIssue } from '../http/read-json'
import { isUniqueViolation } from '../store/sql-driver'
import { caseFull } from './case-routes'
import type { StoredEnvelope } from './handover-store'
import { roleIn, type StaffEnv } from './require-staff'

const notFound = { error: 'errors.notFound' } as const

/** Each stored envelope with its wraps from the body; issues for ids that are not this case's envelopes. */
function match(stored: StoredEnvelope[], wraps: EnvelopeWraps[]) {
  const byId = new Map(stored.map((e) => [e.messageId, e]))
  const issues: FieldIssue[] = []
  const pairs = wraps.flatMap((w, i) => {
    const found = byId.get(w.messageId)
    if (!found) issues.push({ path: `envelopes.${i}.messageId`, key: 'validation.unknownMessage' })
    return found ? [{ stored: found, wraps: w }] : []
  })
  return { pairs, issues }
}

function keyIssues(wraps: EnvelopeWraps[], allowed: Set<string>): FieldIssue[] {
  return wraps.flatMap((w, i) =>
    w.recipients.flatMap((r, j) => (allowed.has(r.keyId) ? [] : [{ path: `envelopes.${i}.recipients.${j}.keyId`, key: 'validation.notCertified' }])),
  )
}

/**
 * Consent, re-seal and hand-over (README beside this file). The server never sees a content key:
 * it checks that every new wrap names a key allowed to read, and keeps the ciphertext as it is.
 */
export function handoverRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const windows = new Map(deps.deployment.windows.map((w) => [w.id, w]))

  const findCase = async (c: Context<StaffEnv>) => {
    const windowId = c.req.param('windowId') ?? ''
    if (!roleIn(c.get('staff'), windowId)) return null
    return deps.getStore(c).cases.get(windowId, c.req.param('requestId') ?? '')
  }
  const audit = (c: Context<StaffEnv>, windowId: string, action: string, requestId: string | null, target: string | null) =>
    deps.getStore(c).audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId, action, requestId, target })

  return new Hono<StaffEnv>()
    .get('/:windowId/reseal-targets', async (c) => {
      const windowId = c.req.param('windowId')
      if (!roleIn(c.get('staff'), windowId)) return c.json(notFound, 404)
      const keys = await deps.getStore(c).handover.certifiedKeys(windowId)
      return c.json({ keys: keys.map((k) => ({ ...k, certificate: JSON.parse(k.certificate) as unknown })) })
    })

    .post('/:windowId/cases/:requestId/consent', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, consentBodySchema)
      if (!body.ok) return body.response
      const { envelope, messageId } = body.data
      if (envelope.requestId !== found.requestId || envelope.windowId !== found.windowId) {
        return validationError(c, [{ path: 'envelope.requestId', key: 'validation.mismatch' }])
      }
      if ((await deps.getStore(c).cases.staffEnvelopeCounts(found.requestId)).consents >= CONSENTS_PER_CASE) return c.json(caseFull, 413)
      const sentAt = now().toISOString()
      try {
        await deps.getStore(c).handover.addConsent(found.requestId, { id: messageId, sentAt, authorId: c.get('staff').member.id, envelope: JSON.stringify(envelope) })
      } catch (error) {
        if (isUniqueViolation(error)) return c.json({ error: 'errors.messageExists' }, 409)
        throw error
      }
      await audit(c, found.windowId, 'case.consentRecorded', found.requestId, null)
      return c.json({ id: messageId, kind: 'consent', sentAt, authorId: c.get('staff').member.id, envelope }, 201)
    })

    .post('/:windowId/cases/:requestId/recipients', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, resealBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c).handover
      const [certified, revoked, stored] = await Promise.all([store.certifiedKeys(found.windowId), store.revokedKeyIds(found.windowId), store.envelopes(found.requestId)])
      const { pairs, issues } = match(stored, body.data.envelopes)
      issues.push(...keyIssues(body.data.envelopes, new Set(certified.map((k) => k.keyId))))
      if (issues.length > 0) return validationError(c, issues.slice(0, 20))
      const changes = pairs.map(({ stored: s, wraps }) => {
        const envelope = JSON.parse(s.envelope) as Envelope
        // A revoked colleague's wrap leaves the envelope whenever it is re-sealed (on an honest server).
        const kept = envelope.recipients.filter((r) => !revoked.has(r.keyId))
        const fresh = wraps.recipients.filter((r, i) => !kept.some((k) => k.keyId === r.keyId) && wraps.recipients.findIndex((o) => o.keyId === r.keyId) === i)
        return { stored: s, next: { ...envelope, recipients: [...kept, ...fresh] } }
      })
      if (changes.some((ch) => ch.next.recipients.length > MAX_RECIPIENTS)) return c.json({ error: 'errors.tooManyRecipients' }, 409)
      const written = await store.reseal(found.requestId, changes.map((ch) => ({ stored: ch.stored, next: JSON.stringify(ch.next) })))
      if (!written) return c.json({ error: 'errors.conflict' }, 409)
      const keys = [...new Set(body.data.envelopes.flatMap((e) => e.recipients.map((r) => r.keyId)))]
      await audit(c, found.windowId, 'case.resealed', found.requestId, keys.join(' '))
      return c.json({ envelopes: changes.length })
    })

    .post('/:windowId/cases/:requestId/handover', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, handoverBodySchema)
      if (!body.ok) return body.response
      const { toWindowId, envelopes } = body.data
      const target = windows.get(toWindowId)
      if (!target || toWindowId === found.windowId) return validationError(c, [{ path: 'toWindowId', key: 'validation.unknownWindow' }])
      const store = deps.getStore(c).handover
      if (!(await store.hasConsent(found.requestId))) return c.json({ error: 'errors.consentRequired' }, 409)
      const [certified, stored] = await Promise.all([store.certifiedKeys(toWindowId), store.envelopes(found.requestId)])
      const recoveryId = target.recoveryKey?.keyId
      const allowed = new Set([...certified.map((k) => k.keyId), ...(recoveryId ? [recoveryId] : [])])
      const { pairs, issues } = match(stored, envelopes)
      issues.push(...keyIssues(envelopes, allowed))
      envelopes.forEach((e, i) => {
        const ids = e.recipients.map((r) => r.keyId)
        // The target window's recovery key and at least one of its staff keys, as the public form seals.
        if (!recoveryId || !ids.includes(recoveryId) || ids.length < 2 || new Set(ids).size !== ids.length) {
          issues.push({ path: `envelopes.${i}.recipients`, key: 'validation.recipients' })
        }
      })
      if (issues.length > 0) return validationError(c, issues.slice(0, 20))
      // Every envelope of the case goes over, or none: an envelope left behind could not be read there.
      if (pairs.length !== stored.length) return c.json({ error: 'errors.caseChanged' }, 409)
      const changes = pairs.map(({ stored: s, wraps }) => ({ stored: s, next: JSON.stringify({ ...(JSON.parse(s.envelope) as Envelope), recipients: wraps.recipients }) }))
      const at = now().toISOString()
      const memberId = c.get('staff').member.id
      try {
        await store.handOver({ requestId: found.requestId, fromWindowId: found.windowId, toWindowId, updatedAt: found.updatedAt, at, memberId, changes })
      } catch (error) {
        if (/constraint failed|SQLITE_CONSTRAINT/i.test(error instanceof Error ? error.message : '')) return c.json({ error: 'errors.caseChanged' }, 409)
        throw error
      }
      await audit(c, found.windowId, 'case.handedOver', found.requestId, toWindowId)
      await audit(c, toWindowId, 'case.received', found.requestId, found.windowId)
      return c.json({ requestId: found.requestId, windowId: toWindowId })
    })
}
