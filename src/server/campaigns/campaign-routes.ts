import { Hono } from 'hono'
import { campaignLanding } from '../../shared/schemas/campaigns'
import { campaignSchema, metricEventSchema } from '../../shared/schemas/requests'
import type { AppDeps } from '../deps'
import { readJson } from '../http/read-json'
import { todayInTokyo } from '../slots/generate-slots'

/** A count that waited offline keeps its day, within a week; anything else counts as today. */
const LATE_DAYS = 7

function countDay(claimed: string | undefined, now: Date): string {
  const today = todayInTokyo(now)
  if (!claimed || claimed > today) return today
  const oldest = todayInTokyo(new Date(now.getTime() - LATE_DAYS * 86_400_000))
  return claimed < oldest ? today : claimed
}

/**
 * `/q/<code>`: the flyer's short link. A live campaign counts one scan and leads to its page in its
 * language; an unknown, malformed or retired code leads to the home page, never to an error.
 * Nothing about the scanner is read or kept: no address, no user agent, no time finer than a day.
 */
export function shortLinkRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  return new Hono().get('/:code', async (c) => {
    c.header('Cache-Control', 'no-store')
    const code = campaignSchema.safeParse(c.req.param('code'))
    if (!code.success) return c.redirect('/', 302)
    const campaigns = deps.getStore(c).campaigns
    const campaign = await campaigns.find(code.data)
    if (!campaign || campaign.retiredAt !== null) return c.redirect('/', 302)
    // A HEAD (link checkers, some previews) is not somebody scanning.
    if (c.req.method === 'GET') await campaigns.count(campaign.code, 'scan', todayInTokyo(now()))
    return c.redirect(campaignLanding(campaign), 302)
  })
}

/** POST /api/metrics: a page's anonymous count (form-open, or a scan that waited offline); 204 whatever the code. */
export function metricRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  return new Hono().post('/', async (c) => {
    const body = await readJson(c, metricEventSchema)
    if (!body.ok) return body.response
    // Unknown and retired codes answer the same 204: the answer tells nobody which codes exist.
    await deps.getStore(c).campaigns.count(body.data.campaign, body.data.event, countDay(body.data.day, now()))
    return c.body(null, 204)
  })
}

/** A request that names a live campaign counts one `submitted` for it, and only the count is kept. */
export async function countSubmitted(deps: AppDeps, store: ReturnType<AppDeps['getStore']>, campaign: string | undefined): Promise<void> {
  if (campaign) await store.campaigns.count(campaign, 'submitted', todayInTokyo((deps.now ?? (() => new Date()))()))
}
