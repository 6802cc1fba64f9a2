import { Hono } from 'hono'
import { z } from 'zod'
import { audiences, placeKinds } from '../../shared/schemas/places'
import { campaignLabelSchema, campaignLanguage, type FunnelEvent, type FunnelRow } from '../../shared/schemas/campaigns'
import type { AppDeps } from '../deps'
import { readJson, validationError } from '../http/read-json'
import { newCampaignCode } from '../campaigns/campaign-store'
import { isUniqueViolation } from '../store/sql-driver'
import { todayInTokyo } from '../slots/generate-slots'
import { roleIn, type StaffEnv } from './require-staff'

const notFound = { error: 'errors.notFound' } as const

const dataId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'validation.invalid' })

const hurdlePaths = ['/who-can-consult', '/no-real-name', '/after-you-ask', '/no-waiting', '/confidential'] as const

/** Where a flyer may lead; the server builds the path, so staff cannot type an arbitrary one. */
export const campaignTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('home') }),
    z.object({ kind: z.literal('book') }),
    z.object({ kind: z.literal('hurdle'), path: z.enum(hurdlePaths, { error: 'validation.invalid' }) }),
    z.object({
      kind: z.literal('map'),
      /** The map opened with these filters (the same query the public map writes, src/features/resource-map). */
      filters: z
        .object({
          kinds: z.array(z.enum(placeKinds, { error: 'validation.invalid' })).max(placeKinds.length, { error: 'validation.invalid' }),
          audiences: z.array(z.enum(audiences, { error: 'validation.invalid' })).max(audiences.length, { error: 'validation.invalid' }),
        })
        .optional(),
    }),
    z.object({ kind: z.literal('place'), placeId: dataId }),
    /** One event: the events page opens at it. */
    z.object({ kind: z.literal('event'), eventId: dataId }),
  ],
  { error: 'validation.invalid' },
)

export const createCampaignBodySchema = z.object({ target: campaignTargetSchema, language: campaignLanguage, label: campaignLabelSchema })

function targetPath(target: z.infer<typeof campaignTargetSchema>, windowId: string): string {
  switch (target.kind) {
    case 'home': return '/'
    case 'book': return `/book?window=${encodeURIComponent(windowId)}`
    case 'hurdle': return target.path
    case 'map': return mapPath(target.filters)
    case 'place': return `/map/places/${target.placeId}`
    case 'event': return `/events?event=${target.eventId}`
  }
}

function mapPath(filters: { kinds: readonly string[]; audiences: readonly string[] } | undefined): string {
  const query = new URLSearchParams()
  for (const kind of new Set(filters?.kinds)) query.append('kind', kind)
  for (const who of new Set(filters?.audiences)) query.append('who', who)
  return query.size > 0 ? `/map?${query.toString()}` : '/map'
}

/** ISO 8601 week of a date (YYYY-MM-DD) as `YYYY-Www`. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7
  date.setUTCDate(date.getUTCDate() - weekday + 3)
  const year = date.getUTCFullYear()
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

export interface FunnelWeek { campaign: string; week: string; scan: number; formOpen: number; submitted: number }

const eventKey: Record<FunnelEvent, 'scan' | 'formOpen' | 'submitted'> = { scan: 'scan', 'form-open': 'formOpen', submitted: 'submitted' }

export function funnelByWeek(rows: FunnelRow[]): FunnelWeek[] {
  const weeks = new Map<string, FunnelWeek>()
  for (const row of rows) {
    const week = isoWeek(row.day)
    const key = `${row.campaign} ${week}`
    const entry = weeks.get(key) ?? { campaign: row.campaign, week, scan: 0, formOpen: 0, submitted: 0 }
    entry[eventKey[row.event]] += row.count
    weeks.set(key, entry)
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week) || a.campaign.localeCompare(b.campaign))
}

const rangeSchema = z.object({ from: z.iso.date({ error: 'validation.invalid' }), to: z.iso.date({ error: 'validation.invalid' }) })

/** /api/staff/windows/:windowId/campaigns: the window's QR flyers and their funnel, for its members only. */
export function campaignStaffRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  return new Hono<StaffEnv>()
    .use('/:windowId/campaigns/*', async (c, next) => (roleIn(c.get('staff'), c.req.param('windowId') ?? '') ? next() : c.json(notFound, 404)))
    .use('/:windowId/campaigns', async (c, next) => (roleIn(c.get('staff'), c.req.param('windowId') ?? '') ? next() : c.json(notFound, 404)))

    .get('/:windowId/campaigns', async (c) => c.json({ campaigns: await deps.getStore(c).campaigns.list(c.req.param('windowId')) }))

    .post('/:windowId/campaigns', async (c) => {
      const windowId = c.req.param('windowId')
      const body = await readJson(c, createCampaignBodySchema)
      if (!body.ok) return body.response
      const campaign = { targetPath: targetPath(body.data.target, windowId), language: body.data.language, label: body.data.label }
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const created = await deps.getStore(c).campaigns.create(newCampaignCode(), windowId, campaign, todayInTokyo(now()))
          await deps.getStore(c).audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId, action: 'campaign.created', requestId: null, target: created.code })
          return c.json(created, 201)
        } catch (error) {
          if (!isUniqueViolation(error)) throw error
        }
      }
      return c.json({ error: 'errors.conflict' }, 409)
    })

    .post('/:windowId/campaigns/:code/retire', async (c) => {
      const windowId = c.req.param('windowId')
      const code = c.req.param('code')
      if (!(await deps.getStore(c).campaigns.retire(windowId, code, now().toISOString()))) return c.json(notFound, 404)
      await deps.getStore(c).audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId, action: 'campaign.retired', requestId: null, target: code })
      return c.body(null, 204)
    })

    .get('/:windowId/campaigns/funnel', async (c) => {
      const range = rangeSchema.safeParse({ from: c.req.query('from'), to: c.req.query('to') })
      if (!range.success || range.data.from > range.data.to) return validationError(c, [{ path: 'from', key: 'validation.invalid' }])
      const rows = await deps.getStore(c).campaigns.funnel(c.req.param('windowId'), range.data.from, range.data.to)
      return c.json({ from: range.data.from, to: range.data.to, weeks: funnelByWeek(rows) })
    })
}
