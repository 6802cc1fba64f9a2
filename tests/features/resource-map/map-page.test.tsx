import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MarkerCanvas } from '@/features/resource-map/place-markers'
import { renderRoute } from '../../helpers/render-route'

const dataDir = resolve(import.meta.dirname, '../../../public/data')
// A shared, busy machine: give the list time to follow a change (speed is the bench's business).
configure({ asyncUtilTimeout: 10_000 })

beforeEach(() => {
  // The page fetches the published open data; serve the real files from the repository.
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(resolve(dataDir, url.replace('/data/', '')), 'utf8'), { headers: { 'content-type': 'application/json' } }))
})
afterEach(() => vi.unstubAllGlobals())

const listIds = () => within(screen.getByTestId('place-list')).queryAllByRole('listitem').map((li) => li.getAttribute('data-place-id')).filter(Boolean)
// jsdom cannot draw: this reads which places the marker layer shows; Chromium tests check the drawn pixels.
const markerCanvas = (container: HTMLElement) => container.querySelector<MarkerCanvas>('canvas.place-markers')
const markerIds = (container: HTMLElement) => (markerCanvas(container)?.placeMarkers?.probe() ?? []).filter((m) => m.shown).map((m) => m.id)

async function markersMatchList(container: HTMLElement) {
  await waitFor(() => expect(markerCanvas(container)).not.toBeNull())
  // Long results come in pages: open them all, then the list holds exactly the places on the map.
  for (let more = screen.queryByRole('button', { name: /もっと見る/ }); more; more = screen.queryByRole('button', { name: /もっと見る/ })) {
    await userEvent.click(more)
  }
  await waitFor(() => expect([...markerIds(container)].sort()).toEqual([...listIds()].sort()))
}

/** The choices are folded under 「条件でしぼる」 at first. */
async function openFilters(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^条件でしぼる/ }))
}

describe('居場所マップ', () => {
  it('地図と一覧は、いつも同じ場所を示す（条件を変えても）', async () => {
    const user = userEvent.setup()
    const { container, location } = await renderRoute('/map')
    await screen.findByTestId('place-list')
    await markersMatchList(container)
    expect(listIds().length).toBeGreaterThanOrEqual(40)

    await openFilters(user)
    await user.click(screen.getByRole('checkbox', { name: '女性向け' }))
    await waitFor(() => expect(listIds()).toHaveLength(11))
    await markersMatchList(container)
    await waitFor(() => expect(location().search).toBe('?kind=women'))

    await user.click(screen.getByRole('checkbox', { name: '家族' }))
    await markersMatchList(container)
    expect(screen.getByTestId('result-count')).toHaveTextContent(`${listIds().length}か所が見つかりました。`)
  }, 30_000)

  it('条件をつづけて変えても、URL は最後の条件になり、選んだ条件は戻らない', async () => {
    const user = userEvent.setup({ delay: null })
    const { location } = await renderRoute('/map')
    await screen.findByTestId('place-list')
    await openFilters(user)
    await user.click(screen.getByRole('checkbox', { name: '女性向け' }))
    await user.click(screen.getByRole('checkbox', { name: '家族' }))
    await user.click(screen.getByRole('checkbox', { name: '無料' }))
    await waitFor(() => expect(location().search).toBe('?kind=women&who=family&free=1'))
    for (const name of ['女性向け', '家族', '無料']) expect(screen.getByRole('checkbox', { name })).toBeChecked()
  }, 30_000)

  it('条件つきの URL で開くと、しぼった状態で開き、「条件でしぼる」に選んでいる数が出る', async () => {
    const { container } = await renderRoute('/map?area=%E7%94%BA%E7%94%B0%E5%B8%82&kind=work')
    await screen.findByTestId('place-list')
    await openFilters(userEvent.setup())
    expect(screen.getByRole('button', { name: '条件でしぼる（2件を選択中）' })).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('checkbox', { name: '就労' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: '町田市' })).toBeChecked()
    expect(listIds()).toEqual(['machida-hello-work', 'machida-saposute', 'machida-shuro-iko', 'machida-shugyo-seikatsu'])
    await markersMatchList(container)
  }, 30_000)

  it('場所のページ: 雰囲気、出典、最寄りの窓口への予約リンク', async () => {
    await renderRoute('/map/places/bunkyo-step-joshikai')
    expect(await screen.findByRole('heading', { level: 1, name: 'STEP 女子会' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'どんな雰囲気？' })).toBeInTheDocument()
    expect(screen.getByText('女性だけなので、男性の目を気にせずに話せます。')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '行く前に相談したい' })).toHaveAttribute('href', '/book?window=bunkyo')
    expect(screen.getByText('資料の日付: 2025-08-22')).toBeInTheDocument()
  })

  it('催しのページ: 過去の開催にも .ics がある', async () => {
    await renderRoute('/events')
    await screen.findByRole('heading', { name: '毎週・定期的に開いているもの' })
    const ics = screen.getAllByRole('link', { name: /をカレンダーに入れる/ })
    expect(ics.length).toBeGreaterThanOrEqual(20)
    expect(decodeURIComponent(ics[0]?.getAttribute('href') ?? '')).toContain('TZID:Asia/Tokyo')
  }, 30_000)
})

describe('区・市・町の選択', () => {
  it('最後の一つを外しても、開いた一覧は閉じない', async () => {
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(resolve(dataDir, url.replace('/data/', '')), 'utf8')))
    const user = userEvent.setup()
    const { container } = await renderRoute('/map?area=%E5%A4%A7%E5%B3%B6%E7%94%BA')
    await screen.findByTestId('place-list')
    await openFilters(user)
    const details = container.querySelector('details') as HTMLDetailsElement
    expect(details.open).toBe(true)
    await user.click(screen.getByRole('checkbox', { name: '大島町' }))
    await waitFor(() => expect(listIds().length).toBeGreaterThanOrEqual(40))
    expect(details.open).toBe(true)
  }, 30_000)
})
