import { z } from 'zod'
import { languagePath, splitLanguagePath } from '../language-paths'
import { windowId } from './common'
import { campaignSchema } from './requests'

/**
 * QR flyer campaigns (DESIGN §8, reach). Staff create them (the staff API is
 * /api/staff/windows/:windowId/campaigns, see src/server/staff/README.md); the public side only
 * follows `/q/<code>` and sends anonymous counts to POST /api/metrics.
 */

export const campaignLanguages = ['ja', 'ja-easy', 'en'] as const
export const campaignLanguage = z.enum(campaignLanguages, { error: 'validation.invalid' })
export type CampaignLanguage = (typeof campaignLanguages)[number]

/**
 * A path of this app with its query (e.g. `/book?window=toshima`, `/map?kind=family`): never another
 * origin (`//evil.example`, `https:`), never a fragment, so a short link cannot become an open redirect.
 */
export const targetPathSchema = z
  .string({ error: 'validation.required' })
  .max(300, { error: 'validation.tooLong' })
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~/%]*(\?[A-Za-z0-9\-._~%=&,+]*)?$/, { error: 'validation.invalid' })

export const campaignLabelSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(80, { error: 'validation.tooLong' })

export const newCampaignSchema = z.object({
  targetPath: targetPathSchema,
  language: campaignLanguage,
  label: campaignLabelSchema,
})
export type NewCampaign = z.infer<typeof newCampaignSchema>

export const campaignViewSchema = newCampaignSchema.extend({
  code: campaignSchema,
  windowId,
  createdOn: z.iso.date(),
  retiredAt: z.iso.datetime().nullable(),
})
export type CampaignView = z.infer<typeof campaignViewSchema>

export const funnelEvents = ['scan', 'form-open', 'submitted'] as const
export type FunnelEvent = (typeof funnelEvents)[number]

/** One row of the funnel: how many times `event` happened for `campaign` on `day` (Tokyo date). */
export const funnelRowSchema = z.object({
  campaign: campaignSchema,
  event: z.enum(funnelEvents),
  day: z.iso.date(),
  count: z.number().int().min(0),
})
export type FunnelRow = z.infer<typeof funnelRowSchema>

/**
 * Where /q/<code> leads: the target at its URL in the campaign's language (`/en/book?…`, see
 * shared/language-paths.ts), with `src` (the campaign). A target typed with a language prefix of its
 * own is moved to the campaign's language.
 */
export function campaignLanding(campaign: { code: string; targetPath: string; language: CampaignLanguage }): string {
  const [path, query = ''] = campaign.targetPath.split('?', 2) as [string, string?]
  const params = new URLSearchParams(query)
  params.set('src', campaign.code)
  params.delete('lang')
  return `${languagePath(campaign.language, splitLanguagePath(path).path)}?${params.toString()}`
}
