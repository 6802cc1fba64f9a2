import { describe, expect, it } from 'vitest'
import { todayInTokyo } from '../../../src/server/slots/generate-slots'
import { isoWeek } from '../../../src/server/staff/campaign-staff-routes'
import { makeBooking } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import type { StaffContractSetup } from './staff-contract'
import { postJson } from './target'

interface Campaign { code: string; targetPath: string; language: string; label: string; retiredAt: string | null }

/** Staff make QR flyers and read what they brought: counts made through the public endpoints only. */
export function defineCampaignStaffContract(getSetup: () => StaffContractSetup) {
  describe('職員: チラシ用QRコード', () => {
    it('作ったキャンペーンのスキャン・フォーム表示・送信が、週ごとのファネルにそのまま出る', async () => {
      const setup = getSetup()
      const client = await StaffClient.create(setup.target, setup.origin)
      expect((await client.join(await setup.invite('toshima', 'staff'), 'すずき')).status).toBe(201)
      const base = '/api/staff/windows/toshima/campaigns'

      const created = await client.post(base, { target: { kind: 'book' }, language: 'en', label: '駅のチラシ 12月' })
      expect(created.status).toBe(201)
      const campaign = (await created.json()) as Campaign
      expect(campaign).toMatchObject({ targetPath: '/book?window=toshima', language: 'en', label: '駅のチラシ 12月', retiredAt: null })
      expect(campaign.code).toMatch(/^[a-z2-9]{8}$/)
      const list = (await (await client.get(base)).json()) as { campaigns: Campaign[] }
      expect(list.campaigns.map((c) => c.code)).toContain(campaign.code)

      for (let i = 0; i < 3; i++) {
        const scan = await setup.target.fetch(`/q/${campaign.code}`, { redirect: 'manual' })
        expect(scan.status).toBe(302)
        expect(scan.headers.get('location')).toBe(`/en/book?window=toshima&src=${campaign.code}`)
      }
      for (let i = 0; i < 2; i++) expect((await postJson(setup.target, '/api/metrics', { campaign: campaign.code, event: 'form-open' })).status).toBe(204)
      const booking = await makeBooking({ windowId: 'toshima', mode: 'phone' })
      expect((await postJson(setup.target, '/api/requests', { ...booking.body, campaign: campaign.code })).status).toBe(201)

      const today = todayInTokyo(new Date())
      const funnel = await client.get(`${base}/funnel?from=${today}&to=${today}`)
      expect(funnel.status).toBe(200)
      const { weeks } = (await funnel.json()) as { weeks: Array<Record<string, unknown>> }
      expect(weeks.filter((w) => w.campaign === campaign.code)).toEqual([{ campaign: campaign.code, week: isoWeek(today), scan: 3, formOpen: 2, submitted: 1 }])

      expect((await client.post(`${base}/${campaign.code}/retire`)).status).toBe(204)
      expect((await client.post(`${base}/${campaign.code}/retire`)).status).toBe(404)
      const afterRetire = await setup.target.fetch(`/q/${campaign.code}`, { redirect: 'manual' })
      expect(afterRetire.headers.get('location')).toBe('/')
    })

    it('ほかの窓口のキャンペーンは 404、形のおかしい作成・期間は 400、ほかのサイトからの作成は 403', async () => {
      const setup = getSetup()
      const client = await StaffClient.create(setup.target, setup.origin)
      expect((await client.join(await setup.invite('toshima', 'staff'), 'たかはし')).status).toBe(201)
      expect((await client.get('/api/staff/windows/bunkyo/campaigns')).status).toBe(404)
      expect((await client.post('/api/staff/windows/bunkyo/campaigns', { target: { kind: 'home' }, language: 'ja', label: 'x' })).status).toBe(404)
      expect((await client.get('/api/staff/windows/bunkyo/campaigns/funnel?from=2026-01-01&to=2026-01-31')).status).toBe(404)
      const base = '/api/staff/windows/toshima/campaigns'
      for (const body of [{}, { target: { kind: 'url', path: '//evil.example' }, language: 'ja', label: 'x' }, { target: { kind: 'hurdle', path: '/admin' }, language: 'ja', label: 'x' }, { target: { kind: 'home' }, language: 'fr', label: 'x' }, { target: { kind: 'home' }, language: 'ja', label: ' ' }]) {
        const response = await client.post(base, body)
        expect(response.status, JSON.stringify(body)).toBe(400)
        expect(((await response.json()) as { error: string }).error).toBe('errors.validation')
      }
      for (const query of ['', '?from=2026-02-01&to=2026-01-01', '?from=nope&to=2026-01-01']) expect((await client.get(`${base}/funnel${query}`)).status).toBe(400)
      const foreign = await client.send('POST', base, { target: { kind: 'home' }, language: 'ja', label: 'x' }, { origin: 'https://evil.example' })
      expect(foreign.status).toBe(403)
      expect(isoWeek('2026-01-01')).toBe('2026-W01')
      expect(isoWeek('2027-01-01')).toBe('2026-W53')
      expect(isoWeek('2026-12-28')).toBe('2026-W53')
    })
  })
}
