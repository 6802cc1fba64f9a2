import { Hono } from 'hono'
import { moveBookingBodySchema } from '../../shared/schemas/staff'
import type { AppDeps } from '../deps'
import { readJson, validationError } from '../http/read-json'
import { summary } from './case-routes'
import { roleIn, type StaffEnv } from './require-staff'

const notFound = { error: 'errors.notFound' } as const

/**
 * Staff move a case's booking to another open slot of the same window and mode (a waiting case
 * gets its first time the same way). The old slot is freed and the new one taken in one
 * transaction; /status shows the new time. Audit: `case.moved`, target `<old slot or -> → <new slot>`.
 */
export function moveBookingRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())

  return new Hono<StaffEnv>().post('/:windowId/cases/:requestId/move', async (c) => {
    const windowId = c.req.param('windowId')
    if (!roleIn(c.get('staff'), windowId)) return c.json(notFound, 404)
    const store = deps.getStore(c)
    const found = await store.cases.get(windowId, c.req.param('requestId'))
    if (!found) return c.json(notFound, 404)
    const body = await readJson(c, moveBookingBodySchema)
    if (!body.ok) return body.response
    const { slotId } = body.data

    const target = await store.getSlot(slotId)
    if (!target || target.windowId !== windowId || target.mode !== found.mode) return validationError(c, [{ path: 'slotId', key: 'validation.unknownSlot' }])
    if (found.slot?.id === slotId) return validationError(c, [{ path: 'slotId', key: 'validation.sameSlot' }])
    if (found.status === 'cancelled' || found.status === 'closed') return c.json({ error: 'errors.caseNotOpen' }, 409)
    const at = now()
    if (target.booked || Date.parse(target.start) <= at.getTime()) return c.json({ error: 'errors.slotTaken' }, 409)

    const outcome = await store.moves.move({ requestId: found.requestId, windowId, mode: found.mode, slotId, at: at.toISOString() })
    if (outcome === 'slotTaken') return c.json({ error: 'errors.slotTaken' }, 409)
    if (outcome === 'caseNotOpen') return c.json({ error: 'errors.caseNotOpen' }, 409)
    await store.audit.add({ at: at.toISOString(), memberId: c.get('staff').member.id, windowId, action: 'case.moved', requestId: found.requestId, target: `${found.slot?.id ?? '-'}→${slotId}` })
    const moved = (await store.cases.get(windowId, found.requestId)) ?? found
    return c.json(summary(moved))
  })
}
