import { Hono } from 'hono'
import { RETENTION_DAYS } from '../../shared/limits'
import { staffCreateCaseBodySchema } from '../../shared/schemas/staff'
import { credentialsOf } from '../abuse/credential-hash'
import type { AppDeps } from '../deps'
import { sha256, toBase64url } from '../http/hash'
import { readJson, validationError } from '../http/read-json'
import { roleIn, type StaffEnv } from './require-staff'

const DAY_MS = 86_400_000

/**
 * A case staff open for a phone call, letter, walk-in or outreach: sealed in their browser exactly
 * like a public request (same envelope, lookup id and auth hash from a receipt code the app made for
 * the caller), so the person can use /status like anyone else. Only the origin tells it apart.
 */
export function newCaseRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const digest = deps.sha256 ?? sha256

  return new Hono<StaffEnv>().post('/:windowId/cases', async (c) => {
    const windowId = c.req.param('windowId')
    if (!roleIn(c.get('staff'), windowId)) return c.json({ error: 'errors.notFound' }, 404)
    const body = await readJson(c, staffCreateCaseBodySchema)
    if (!body.ok) return body.response
    const input = body.data
    const mismatches = [
      ...(input.windowId === windowId ? [] : [{ path: 'windowId', key: 'validation.mismatch' }]),
      ...(input.envelope.requestId === input.requestId ? [] : [{ path: 'envelope.requestId', key: 'validation.mismatch' }]),
      ...(input.envelope.windowId === windowId ? [] : [{ path: 'envelope.windowId', key: 'validation.mismatch' }]),
    ]
    if (mismatches.length > 0) return validationError(c, mismatches)

    const store = deps.getStore(c)
    const at = now()
    let slot = null
    if (input.slotId !== null) {
      const found = await store.getSlot(input.slotId)
      if (!found || found.windowId !== windowId || found.mode !== input.mode) return validationError(c, [{ path: 'slotId', key: 'validation.unknownSlot' }])
      if (found.booked || Date.parse(found.start) <= at.getTime()) return c.json({ error: 'errors.slotTaken' }, 409)
      slot = { id: found.id, windowId: found.windowId, mode: found.mode, start: found.start, end: found.end }
    }
    const answer = { requestId: input.requestId, status: slot ? 'booked' : 'waiting', slot, deleteAfter: new Date(at.getTime() + RETENTION_DAYS * DAY_MS).toISOString() }
    const firstResponse = JSON.stringify(answer)
    const outcome = await store.createRequest({
      requestId: input.requestId,
      windowId,
      mode: input.mode,
      slotId: slot?.id ?? null,
      // Stored under the same keyed hash as a public request, so /status finds it by the receipt.
      ...(await credentialsOf(deps, c).stored(input.lookupId, input.authHash)),
      envelope: JSON.stringify(input.envelope),
      bodyHash: toBase64url(await digest(JSON.stringify(input))),
      firstResponse,
      createdAt: at.toISOString(),
      deleteAfter: answer.deleteAfter,
    })
    if (outcome === 'slotTaken') return c.json({ error: 'errors.slotTaken' }, 409)
    if (outcome !== 'created') return c.json({ error: 'errors.conflict' }, 409)
    await store.cases.setOrigin(input.requestId, input.origin)
    await store.audit.add({ at: at.toISOString(), memberId: c.get('staff').member.id, windowId, action: 'case.created', requestId: input.requestId, target: input.origin })
    return c.json(answer, 201)
  })
}
