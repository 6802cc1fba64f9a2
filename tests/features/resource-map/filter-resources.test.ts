import { describe, expect, it } from 'vitest'
import {
  distanceKm,
  emptyFilters,
  filterPlaces,
  filtersFromParams,
  indexEvents,
  nearestWindowId,
  paramsFromFilters,
  sortByDistance,
  type Filters,
} from '@/features/resource-map/filter-resources'
import type { Place, PlaceEvent } from '@/shared/schemas/places'

const source = { document: 'テスト資料', date: '2025-08-22' }
function place(id: string, overrides: Partial<Place> = {}): Place {
  return {
    id,
    name: { ja: id },
    kinds: ['consultation'],
    municipality: { ja: '豊島区' },
    location: { lat: 35.72, lng: 139.71, approximate: true },
    audiences: ['self'],
    bookingRequired: false,
    free: true,
    inPerson: true,
    online: false,
    contact: {},
    about: { ja: '説明' },
    mood: { ja: '雰囲気' },
    source,
    ...overrides,
  }
}
const event = (id: string, placeId: string, extra: Partial<PlaceEvent>): PlaceEvent => ({ id, placeId, title: { ja: id }, source, ...extra })

const places = [
  place('toshima-window', { windowId: 'toshima', audiences: ['self', 'family'], online: true }),
  place('bunkyo-joshikai', { kinds: ['women', 'ibasho'], audiences: ['women'], municipality: { ja: '文京区' }, location: { lat: 35.708, lng: 139.7525, approximate: true } }),
  place('machida-daycare', { kinds: ['health'], bookingRequired: true, free: false, municipality: { ja: '町田市' }, location: { lat: 35.5464, lng: 139.4386, approximate: true } }),
  place('bunkyo-center', { windowId: 'bunkyo', municipality: { ja: '文京区' }, location: { lat: 35.708, lng: 139.7525, approximate: true } }),
  place('oshima-rocket', { kinds: ['ibasho', 'work'], audiences: ['youth'], municipality: { ja: '大島町' }, location: { lat: 34.75, lng: 139.356, approximate: true } }),
]
const events = [
  event('soon', 'bunkyo-joshikai', { date: '2026-12-10' }),
  event('later', 'machida-daycare', { date: '2027-03-01' }),
  event('past', 'toshima-window', { date: '2025-06-18' }),
  event('weekly', 'oshima-rocket', { recurrence: 'weekly' }),
  event('regular', 'bunkyo-center', { recurrence: 'regular' }),
]
const today = '2026-11-22'
const index = indexEvents(events, today)
const ids = (filters: Partial<Filters>) => filterPlaces(places, { ...emptyFilters, ...filters }, index, today).map((p) => p.id)

describe('filterPlaces', () => {
  it('条件がなければ、すべての場所を元の順で返す', () => {
    expect(ids({})).toEqual(places.map((p) => p.id))
  })

  it('同じグループの中は「どれか」、グループどうしは「すべて」', () => {
    expect(ids({ kinds: ['women', 'health'] })).toEqual(['bunkyo-joshikai', 'machida-daycare'])
    expect(ids({ kinds: ['consultation'], audiences: ['family'] })).toEqual(['toshima-window'])
  })

  it('区や市をまたいで、いくつでも選べる', () => {
    expect(ids({ municipalities: ['文京区', '大島町'] })).toEqual(['bunkyo-joshikai', 'bunkyo-center', 'oshima-rocket'])
  })

  it('オンライン、予約不要、無料でしぼる', () => {
    expect(ids({ online: true })).toEqual(['toshima-window'])
    expect(ids({ noBooking: true })).not.toContain('machida-daycare')
    expect(ids({ free: true })).not.toContain('machida-daycare')
  })

  it('「開催日が近い」は30日以内の日付か、毎週・毎月の催し（過去の日付や不定期は入らない）', () => {
    expect(ids({ soon: true })).toEqual(['bunkyo-joshikai', 'oshima-rocket'])
  })
})

describe('URL の条件', () => {
  it('条件を URL にして、読み戻すと同じになる', () => {
    const filters: Filters = { kinds: ['women', 'ibasho'], audiences: ['family'], municipalities: ['豊島区', '文京区'], online: true, noBooking: false, free: true, soon: true }
    const params = paramsFromFilters(filters)
    expect(params.toString()).toBe('kind=women&kind=ibasho&who=family&area=%E8%B1%8A%E5%B3%B6%E5%8C%BA&area=%E6%96%87%E4%BA%AC%E5%8C%BA&online=1&free=1&soon=1')
    expect(filtersFromParams(new URLSearchParams(params.toString()))).toEqual(filters)
  })

  it('知らない値や重なりは無視する', () => {
    expect(filtersFromParams(new URLSearchParams('kind=cafe&kind=women&kind=women&who=cat&online=yes'))).toEqual({ ...emptyFilters, kinds: ['women'] })
  })
})

describe('近い順（端末の中だけ）', () => {
  it('距離の順にならべる', () => {
    const nearMachida = { lat: 35.55, lng: 139.44 }
    expect(sortByDistance(places, nearMachida).map((p) => p.id)[0]).toBe('machida-daycare')
    expect(sortByDistance(places, nearMachida).map((p) => p.id).at(-1)).toBe('oshima-rocket')
    expect(Math.round(distanceKm({ lat: 35.7263, lng: 139.7167 }, { lat: 35.708, lng: 139.7525 }))).toBe(4)
  })

  it('「行く前に相談したい」は、いちばん近い窓口を選ぶ', () => {
    expect(nearestWindowId(places[1] as Place, places, 'toshima')).toBe('bunkyo')
    expect(nearestWindowId(places[0] as Place, places, 'bunkyo')).toBe('toshima')
    expect(nearestWindowId(places[2] as Place, [places[2] as Place], 'toshima')).toBe('toshima')
  })
})
