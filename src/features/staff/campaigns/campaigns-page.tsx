import { useCallback, useEffect, useState } from 'react'
import type { CampaignView } from '@/shared/schemas/campaigns'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { CampaignCard } from './campaign-card'
import { CampaignForm } from './campaign-form'
import { campaignsApi } from './campaigns-api'
import { campaignsText } from './campaigns-text'
import { FlyerSheet } from './flyer-sheet'
import { FunnelView } from './funnel-view'
import local from './campaigns.module.css'

const text = campaignsText

/** What a flyer leads to, in words: from the path the server built (src/server/staff/campaign-staff-routes.ts). */
export function targetText(campaign: CampaignView): string {
  const [path = '/', query = ''] = campaign.targetPath.split('?', 2)
  const params = new URLSearchParams(query)
  const t = text.create.targets
  if (path === '/') return t.home
  if (path === '/book') return t.book
  if (path in text.create.hurdles) return `${t.hurdle}：${text.create.hurdles[path]}`
  if (path === '/events') return `${t.event}：${params.get('event') ?? ''}`
  if (path.startsWith('/map/places/')) return `${t.place}：${decodeURIComponent(path.slice('/map/places/'.length))}`
  if (path === '/map') {
    const chosen = [...params.getAll('kind').map((k) => text.create.kinds[k]), ...params.getAll('who').map((a) => text.create.audiences[a])].filter(Boolean)
    return chosen.length > 0 ? `${t.map}（${chosen.join(text.create.listSeparator)}）` : t.map
  }
  return campaign.targetPath
}

function useCampaigns(windowId: string) {
  const [campaigns, setCampaigns] = useState<CampaignView[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(async () => {
    try {
      setCampaigns(await campaignsApi.list(windowId))
    } catch (caught) {
      setError(caught)
    }
  }, [windowId])
  useEffect(() => {
    void reload()
  }, [reload])
  return { campaigns, error, reload }
}

/** /staff/campaigns/:windowId 「チラシ用QRコード」: make codes, print them, and read what each flyer brought. */
export function CampaignsPage({ windowId }: { windowId: string }) {
  const { campaigns, error, reload } = useCampaigns(windowId)
  return (
    <StaffShell title={text.heading}>
      <h1>{text.heading}</h1>
      <p>{text.lead}</p>
      <CampaignForm windowId={windowId} onCreated={() => void reload()} />
      <section aria-labelledby="campaign-list-heading">
        <h2 id="campaign-list-heading">{text.list.heading}</h2>
        {error ? <p className={styles.error} role="alert">{errorText(error)}</p> : null}
        {campaigns && campaigns.length === 0 ? <p>{text.list.none}</p> : null}
        <ul className={local.cards}>
          {(campaigns ?? []).map((c) => (
            <CampaignCard key={c.code} windowId={windowId} campaign={c} targetText={targetText(c)} onRetired={() => void reload()} />
          ))}
        </ul>
      </section>
      {campaigns && campaigns.length > 0 ? <FunnelView windowId={windowId} campaigns={campaigns} /> : null}
    </StaffShell>
  )
}

/** /staff/campaigns/:windowId/sheet/:code: the A4 print sheet of one flyer. */
export function FlyerSheetPage({ windowId, code }: { windowId: string; code: string }) {
  const { campaigns, error } = useCampaigns(windowId)
  const campaign = campaigns?.find((c) => c.code === code)
  return (
    <StaffShell title={campaign ? `${campaign.label} | ${text.heading}` : text.heading}>
      {campaign ? <FlyerSheet windowId={windowId} campaign={campaign} /> : null}
      {error ? <p className={styles.error} role="alert">{errorText(error)}</p> : null}
      {campaigns && !campaign ? <p role="alert">{text.sheet.notFound}</p> : null}
    </StaffShell>
  )
}
