import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { indexEvents, LIST_PAGE_SIZE } from '@/features/resource-map/filter-resources'
import { PlaceList } from '@/features/resource-map/place-list'
import type { Place } from '@/shared/schemas/places'

const sample = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/data/places.json'), 'utf8')) as Place[])[0]!
const places: Place[] = Array.from({ length: 120 }, (_, i) => ({ ...sample, id: `place-${i}`, name: { ja: `場所 ${i}` } }))
const index = indexEvents([], '2026-11-22')
const placeHref = (id: string) => `/map/places/${id}`

function List({ visibleIds }: { visibleIds: ReadonlySet<string> }) {
  return (
    <MemoryRouter>
      <h2 id="list-heading">場所の一覧</h2>
      <PlaceList places={places} visibleIds={visibleIds} index={index} placeHref={placeHref} headingId="list-heading" />
    </MemoryRouter>
  )
}

const shownNames = () => within(screen.getByRole('list', { name: '場所の一覧' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)

describe('場所の一覧（長いときは「もっと見る」）', () => {
  it('最初の50か所を出し、「もっと見る」で次を足して、足した最初の場所へフォーカスを移す', async () => {
    const user = userEvent.setup()
    render(<List visibleIds={new Set(places.map((p) => p.id))} />)
    expect(shownNames()).toHaveLength(LIST_PAGE_SIZE)

    await user.click(screen.getByRole('button', { name: 'もっと見る（あと70か所）' }))
    expect(shownNames()).toHaveLength(2 * LIST_PAGE_SIZE)
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '場所 50' }))

    await user.click(screen.getByRole('button', { name: 'もっと見る（あと20か所）' }))
    expect(shownNames()).toHaveLength(120)
    expect(screen.queryByRole('button', { name: /もっと見る/ })).toBeNull()
  })

  it('条件が変わると、新しい結果の最初のページからになる', async () => {
    const user = userEvent.setup()
    const all = new Set(places.map((p) => p.id))
    const { rerender } = render(<List visibleIds={all} />)
    await user.click(screen.getByRole('button', { name: /もっと見る/ }))
    expect(shownNames()).toHaveLength(100)

    const even = new Set(places.filter((_, i) => i % 2 === 0).map((p) => p.id))
    rerender(<List visibleIds={even} />)
    expect(shownNames()).toEqual(places.filter((_, i) => i % 2 === 0).slice(0, LIST_PAGE_SIZE).map((p) => p.name.ja))
    expect(screen.getByRole('button', { name: 'もっと見る（あと10か所）' })).toBeInTheDocument()
  })
})
