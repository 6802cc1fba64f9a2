import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { isJapaneseHoliday } from '../../shared/hours/holiday-dates'
import { SLOT_LOOKAHEAD_DAYS } from '../../shared/limits'
import { cancelSlotsBodySchema, modeAvailabilitySchema, releaseBodySchema, slotMode } from '../../shared/schemas/availability'
import type { AppDeps } from '../deps'
import { readJson, validationError } from '../http/read-json'
import { toTokyoIso } from '../slots/availability-rules'
import { availabilityOf, regenerateSlots } from '../slots/ensure-slots'
import { todayInTokyo } from '../slots/generate-slots'
import { roleIn, type StaffEnv } from './require-staff'

const notFound = { error: 'errors.notFound' } as const
const forbidden = { error: 'errors.forbidden' } as const
const DAY_MS = 86_400_000
/** How far ahead the staff slot list reaches: what is offered, and a little after a horizon change. */
const STAFF_SLOT_DAYS = SLOT_LOOKAHEAD_DAYS + 7
const rangeSchema = z.object({ from: z.iso.date({ error: 'validation.invalid' }).optional(), days: z.coerce.number().int().min(1).max(STAFF_SLOT_DAYS).optional() })

/**
 * /api/staff/windows/:windowId/availability (README beside this file): each mode's weekly rules and
 * special days (admins edit them), the window's slots, cancelling a slot or a day (any member, e.g.
 * when a colleague is ill) and releasing suspicious bookings in bulk (admins). Every change is audited.
 */
export function availabilityRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const windows = new Map(deps.deployment.windows.map((w) => [w.id, w]))
  const member = (c: Context<StaffEnv>) => {
    const windowId = c.req.param('windowId') ?? ''
    const role = roleIn(c.get('staff'), windowId)
    const window = windows.get(windowId)
    return role && window ? { role, window } : null
  }
  const audit = (c: Context<StaffEnv>, windowId: string, action: string, requestId: string | null, target: string | null) =>
    deps.getStore(c).audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId, action, requestId, target })

  return new Hono<StaffEnv>()
    .get('/:windowId/availability', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      const modes = [...(await availabilityOf(deps.getStore(c), found.window))].map(([mode, v]) => ({ mode, settings: v.settings, saved: v.updatedAt !== null, updatedAt: v.updatedAt }))
      return c.json({ windowId: found.window.id, modes })
    })

    .get('/:windowId/availability/slots', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      const range = rangeSchema.safeParse({ from: c.req.query('from'), days: c.req.query('days') })
      if (!range.success) return validationError(c, [{ path: 'from', key: 'validation.invalid' }])
      const from = range.data.from ?? todayInTokyo(now())
      const to = new Date(Date.parse(`${from}T00:00:00+09:00`) + (range.data.days ?? STAFF_SLOT_DAYS) * DAY_MS)
      const slots = await deps.getStore(c).availability.staffSlots(found.window.id, `${from}T00:00:00+09:00`, toTokyoIso(to))
      return c.json({ windowId: found.window.id, slots })
    })

    .post('/:windowId/availability/cancel', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      const body = await readJson(c, cancelSlotsBodySchema)
      if (!body.ok) return body.response
      const at = now()
      if (body.data.kind === 'day' && body.data.date < todayInTokyo(at)) return validationError(c, [{ path: 'date', key: 'validation.pastDate' }])
      const target = body.data.kind === 'slot' ? { slotId: body.data.slotId } : { day: body.data.date, modes: body.data.modes }
      const result = await deps.getStore(c).availability.cancel(found.window.id, target, body.data.reason, toTokyoIso(at), c.get('staff').member.id)
      if (body.data.kind === 'slot' && result.cancelledSlots === 0) return c.json(notFound, 404)
      await audit(c, found.window.id, body.data.kind === 'slot' ? 'slot.cancelled' : 'day.cancelled', null, body.data.kind === 'slot' ? body.data.slotId : body.data.date)
      for (const requestId of result.affected) await audit(c, found.window.id, 'booking.cancelledByWindow', requestId, body.data.reason)
      return c.json({ cancelledSlots: result.cancelledSlots, affectedBookings: result.affected.length })
    })

    .post('/:windowId/availability/release', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      if (found.role !== 'admin') return c.json(forbidden, 403)
      const body = await readJson(c, releaseBodySchema)
      if (!body.ok) return body.response
      const released = await deps.getStore(c).availability.release(found.window.id, [...new Set(body.data.requestIds)], now().toISOString())
      if (released.length > 0) await audit(c, found.window.id, 'bookings.released', null, String(released.length))
      for (const requestId of released) await audit(c, found.window.id, 'booking.released', requestId, null)
      return c.json({ released: released.length })
    })

    .post('/:windowId/availability/:mode', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      const mode = slotMode.safeParse(c.req.param('mode'))
      if (!mode.success) return c.json(notFound, 404)
      if (found.role !== 'admin') return c.json(forbidden, 403)
      const body = await readJson(c, modeAvailabilitySchema)
      if (!body.ok) return body.response
      const at = now()
      const store = deps.getStore(c)
      await store.availability.save(found.window.id, mode.data, body.data, at.toISOString(), c.get('staff').member.id)
      const changed = await regenerateSlots(store, found.window, mode.data, body.data, at, isJapaneseHoliday)
      await audit(c, found.window.id, 'availability.saved', null, mode.data)
      return c.json({ mode: mode.data, settings: body.data, saved: true, updatedAt: at.toISOString(), ...changed })
    })

    .post('/:windowId/cases/:requestId/told', async (c) => {
      const found = member(c)
      if (!found) return c.json(notFound, 404)
      const requestId = c.req.param('requestId')
      if (!(await deps.getStore(c).availability.markTold(found.window.id, requestId))) return c.json(notFound, 404)
      await audit(c, found.window.id, 'case.personTold', requestId, null)
      return c.body(null, 204)
    })
}
