import { Hono, type Context } from 'hono'
import { STAFF_ENVELOPES_PER_CASE } from '../../shared/schemas/handover'
import type { CaseDetail, CaseSummary } from '../../shared/schemas/staff'
import { contactBodySchema, noteBodySchema, replyBodySchema, statusBodySchema, videoBodySchema } from '../../shared/schemas/staff'
import type { AppDeps } from '../deps'
import { readJson, validationError } from '../http/read-json'
import { isUniqueViolation } from '../store/sql-driver'
import type { StoredCase, StoredCaseMessage } from './case-store'
import { roleIn, type StaffEnv } from './require-staff'

const notFound = { error: 'errors.notFound' } as const
export const caseFull = { error: 'errors.caseFull' } as const

export function summary(stored: StoredCase): CaseSummary {
  return { ...stored, envelope: JSON.parse(stored.envelope) as CaseSummary['envelope'], video: stored.video === null ? null : (JSON.parse(stored.video) as CaseSummary['video']) }
}

function message(stored: StoredCaseMessage) {
  return { ...stored, envelope: JSON.parse(stored.envelope) as CaseDetail['messages'][number]['envelope'] }
}

/**
 * A window's cases for its members: the server hands out ciphertext and routing fields, and stores
 * what staff browsers sealed. A window the member does not belong to does not exist for them (404).
 */
export function caseRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())

  /** The case when the member belongs to its window; else null (the caller answers 404). */
  const findCase = async (c: Context<StaffEnv>) => {
    const windowId = c.req.param('windowId') ?? ''
    if (!roleIn(c.get('staff'), windowId)) return null
    return deps.getStore(c).cases.get(windowId, c.req.param('requestId') ?? '')
  }

  const audit = (c: Context<StaffEnv>, found: StoredCase, action: string, target: string | null = null) =>
    deps.getStore(c).audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId: found.windowId, action, requestId: found.requestId, target })

  const addMessage = async (c: Context<StaffEnv>, found: StoredCase, kind: 'reply' | 'note' | 'contact', id: string, envelope: unknown) => {
    const stored: StoredCaseMessage = { id, kind, sentAt: now().toISOString(), authorId: c.get('staff').member.id, envelope: JSON.stringify(envelope) }
    const cases = deps.getStore(c).cases
    if ((await cases.staffEnvelopeCounts(found.requestId)).written >= STAFF_ENVELOPES_PER_CASE) return c.json(caseFull, 413)
    try {
      await (kind === 'contact' ? cases.addContact(found.requestId, stored) : cases.addStaffMessage(found.requestId, stored))
    } catch (error) {
      if (isUniqueViolation(error)) return c.json({ error: 'errors.messageExists' }, 409)
      throw error
    }
    await audit(c, found, kind === 'reply' ? 'case.replied' : kind === 'note' ? 'case.noted' : 'case.contactLogged')
    return c.json(message(stored), 201)
  }

  return new Hono<StaffEnv>()
    .get('/:windowId/cases', async (c) => {
      const windowId = c.req.param('windowId')
      if (!roleIn(c.get('staff'), windowId)) return c.json(notFound, 404)
      const cases = await deps.getStore(c).cases.list(windowId)
      return c.json({ cases: cases.map(summary) })
    })

    .get('/:windowId/cases/:requestId', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const messages = await deps.getStore(c).cases.messages(found.requestId)
      return c.json({ ...summary(found), messages: messages.map(message) })
    })

    .post('/:windowId/cases/:requestId/replies', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, replyBodySchema)
      if (!body.ok) return body.response
      return addMessage(c, found, 'reply', body.data.messageId, body.data.envelope)
    })

    .post('/:windowId/cases/:requestId/notes', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, noteBodySchema)
      if (!body.ok) return body.response
      const { envelope } = body.data
      if (envelope.requestId !== found.requestId || envelope.windowId !== found.windowId) {
        return validationError(c, [{ path: 'envelope.requestId', key: 'validation.mismatch' }])
      }
      return addMessage(c, found, 'note', body.data.messageId, envelope)
    })

    .post('/:windowId/cases/:requestId/contacts', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, contactBodySchema)
      if (!body.ok) return body.response
      const { envelope } = body.data
      if (envelope.requestId !== found.requestId || envelope.windowId !== found.windowId) {
        return validationError(c, [{ path: 'envelope.requestId', key: 'validation.mismatch' }])
      }
      return addMessage(c, found, 'contact', body.data.messageId, envelope)
    })

    .post('/:windowId/cases/:requestId/status', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, statusBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      await store.cases.setStatus(found.requestId, body.data.status, now().toISOString())
      await audit(c, found, 'case.status', body.data.status)
      return c.json(summary((await store.cases.get(found.windowId, found.requestId)) ?? found))
    })

    .post('/:windowId/cases/:requestId/video', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, videoBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      await store.cases.setVideo(found.requestId, body.data.video === null ? null : JSON.stringify(body.data.video), now().toISOString())
      await audit(c, found, 'case.video', body.data.video ? 'set' : 'removed')
      return c.json(summary((await store.cases.get(found.windowId, found.requestId)) ?? found))
    })

    .post('/:windowId/cases/:requestId/read', async (c) => {
      const found = await findCase(c)
      if (!found) return c.json(notFound, 404)
      await deps.getStore(c).cases.markRead(found.requestId, now().toISOString())
      return c.body(null, 204)
    })
}
