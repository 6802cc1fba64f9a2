import { z } from 'zod'
import { campaignViewSchema, type CampaignLanguage } from '@/shared/schemas/campaigns'
import { call } from '../staff-api'

/** Where a flyer leads; the server builds the path from this (src/server/staff/campaign-staff-routes.ts). */
export type CampaignTarget =
  | { kind: 'home' }
  | { kind: 'book' }
  | { kind: 'hurdle'; path: string }
  | { kind: 'map'; filters?: { kinds: string[]; audiences: string[] } }
  | { kind: 'place'; placeId: string }
  | { kind: 'event'; eventId: string }

const funnelWeekSchema = z.object({ campaign: z.string(), week: z.string(), scan: z.number(), formOpen: z.number(), submitted: z.number() })
export type FunnelWeek = z.infer<typeof funnelWeekSchema>

const listSchema = z.object({ campaigns: z.array(campaignViewSchema) })
const funnelSchema = z.object({ from: z.string(), to: z.string(), weeks: z.array(funnelWeekSchema) })

const base = (windowId: string) => `/windows/${encodeURIComponent(windowId)}/campaigns`

export const campaignsApi = {
  list: async (windowId: string) => (await call('GET', base(windowId), listSchema)).campaigns,
  create: (windowId: string, body: { target: CampaignTarget; language: CampaignLanguage; label: string }) => call('POST', base(windowId), campaignViewSchema, body),
  retire: (windowId: string, code: string) => call('POST', `${base(windowId)}/${encodeURIComponent(code)}/retire`, null, {}),
  funnel: async (windowId: string, from: string, to: string) =>
    (await call('GET', `${base(windowId)}/funnel?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, funnelSchema)).weeks,
}
