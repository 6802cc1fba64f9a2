import { Hono } from 'hono'
import { z } from 'zod'
import { SLOT_LOOKAHEAD_DAYS } from '../../shared/limits'
import { consultationMode, isoDateTime } from '../../shared/schemas/common'
import type { ReadCache } from '../abuse/read-cache'
import type { AppDeps } from '../deps'
import { fieldIssues, validationError } from '../http/read-json'
import { bookableFrom, isBookable } from '../slots/bookable'
import { toTokyoIso } from '../slots/generate-slots'

const DAY_MS = 86_400_000
/** A Tokyo date (`2026-11-24`, its midnight) or a full ISO date-time with offset. */
const instant = z.union([z.iso.date({ error: 'validation.invalid' }).transform((d) => `${d}T00:00:00+09:00`), isoDateTime], {
  error: 'validation.invalid',
})
const slotQuerySchema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  mode: consultationMode.optional(),
})

export function slotRoutes(deps: AppDeps, reads: ReadCache) {
  const now = deps.now ?? (() => new Date())
  const windows = new Map(deps.deployment.windows.map((w) => [w.id, w]))

  return new Hono().get('/:id/slots', async (c) => {
    const windowId = c.req.param('id')
    const window = windows.get(windowId)
    if (!window) return c.json({ error: 'errors.windowNotFound' }, 404)
    const parsed = slotQuerySchema.safeParse(c.req.query())
    if (!parsed.success) return validationError(c, fieldIssues(parsed.error))
    const at = now().getTime()
    const from = Math.max(at, parsed.data.from ? Date.parse(parsed.data.from) : at)
    const to = parsed.data.to ? Date.parse(parsed.data.to) : from + SLOT_LOOKAHEAD_DAYS * DAY_MS
    if (to < from) return validationError(c, [{ path: 'to', key: 'validation.rangeOrder' }])
    if (to - from > SLOT_LOOKAHEAD_DAYS * DAY_MS) return validationError(c, [{ path: 'to', key: 'validation.rangeTooLong' }])
    // The whole horizon (and a day more, so it still covers `to` while cached) once per TTL, filtered here.
    const open = await reads.get(`slots:${windowId}`, () =>
      deps.getStore(c).openSlots(windowId, toTokyoIso(new Date(at)), toTokyoIso(new Date(at + (SLOT_LOOKAHEAD_DAYS + 1) * DAY_MS)), undefined, 20_000),
    )
    // Minimum notice is applied now, not when the slots were made: a 09:00 slot is gone by 07:00.
    const earliest = bookableFrom(window, await reads.get('availability', () => deps.getStore(c).availability.saved()), new Date(at))
    const [fromIso, toIso, mode] = [toTokyoIso(new Date(from)), toTokyoIso(new Date(to)), parsed.data.mode]
    const slots = open.filter((s) => s.start >= fromIso && s.start < toIso && (!mode || s.mode === mode) && isBookable(s, earliest)).slice(0, 500)
    return c.json({ windowId, slots })
  })
}
