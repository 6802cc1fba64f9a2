import { Hono } from 'hono'
import { auditQuerySchema, tokyoDayBounds } from '../../shared/schemas/audit'
import type { AppDeps } from '../deps'
import { fieldIssues, validationError } from '../http/read-json'
import { roleIn, type StaffEnv } from './require-staff'

/** GET /api/staff/windows/:windowId/audit: the window's audit log for its administrators, a page at a time. */
export function auditRoutes(deps: AppDeps) {
  return new Hono<StaffEnv>().get('/:windowId/audit', async (c) => {
    const windowId = c.req.param('windowId')
    const role = roleIn(c.get('staff'), windowId)
    if (!role) return c.json({ error: 'errors.notFound' }, 404)
    if (role !== 'admin') return c.json({ error: 'errors.forbidden' }, 403)
    const query = auditQuerySchema.safeParse(c.req.query())
    if (!query.success) return validationError(c, fieldIssues(query.error))
    const { from, to, before, limit } = query.data
    // One more than asked tells whether an older page exists.
    const entries = await deps.getStore(c).audit.list(windowId, {
      from: from ? tokyoDayBounds(from).start : undefined,
      to: to ? tokyoDayBounds(to).end : undefined,
      before,
      limit: limit + 1,
    })
    const page = entries.slice(0, limit)
    return c.json({ entries: page, nextBefore: entries.length > limit ? (page.at(-1)?.id ?? null) : null })
  })
}
