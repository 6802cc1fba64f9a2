import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import rawDeployment from '@/shared/config/deployment.json'
import { eventsToCsv, placesToCsv } from '@/shared/places/data-files'
import { UTF8_BOM } from '@/shared/places/csv'
import { deploymentSchema } from '@/shared/schemas/deployment'
import { checkEventPlaces, eventsFileSchema, placesFileSchema } from '@/shared/schemas/places'

const dataDir = resolve(import.meta.dirname, '../../../public/data')
const read = (file: string) => readFileSync(resolve(dataDir, file), 'utf8')

describe('同梱の居場所データ', () => {
  const places = placesFileSchema.parse(JSON.parse(read('places.json')))
  const events = eventsFileSchema.parse(JSON.parse(read('events.json')))

  it('場所は40か所以上、催しは20件以上あり、スキーマに合う', () => {
    expect(places.length).toBeGreaterThanOrEqual(40)
    expect(events.length).toBeGreaterThanOrEqual(20)
  })

  it('すべての催しが、ある場所を指している', () => {
    expect(checkEventPlaces(places, events)).toEqual([])
  })

  it('すべての場所に出典と日付があり、座標は「だいたい」と印がある', () => {
    for (const place of places) {
      expect(place.source.document.length).toBeGreaterThan(0)
      expect(place.source.date).toMatch(/^\d{4}/)
      expect(place.location.approximate).toBe(true)
    }
    for (const event of events) expect(event.source.document.length).toBeGreaterThan(0)
  })

  it('種からの場所がそろっている', () => {
    const ids = new Set(places.map((p) => p.id))
    for (const id of ['toshima-hikikomori-window', 'toshima-csw', 'bunkyo-hikikomori-center', 'bunkyo-step-freespace', 'bunkyo-step-sst', 'bunkyo-step-joshikai', 'bunkyo-step-yotsubaan', 'bunkyo-step-cafe-leon', 'chiyoda-3ku-renkei', 'taito-3ku-renkei', 'machida-hello-work', 'machida-saposute', 'machida-day-care', 'adachi-kurashi-shigoto', 'hachioji-hachimaru', 'oshima-rocket', 'tokyo-support-net']) {
      expect(ids, id).toContain(id)
    }
    const uxVenues = places.filter((p) => p.kinds.includes('women') && p.name.ja.includes('UX女子会'))
    expect(uxVenues).toHaveLength(10)
    const venueIds = new Set(uxVenues.map((p) => p.id))
    const fy2025 = events.filter((e) => venueIds.has(e.placeId) && e.date !== undefined && e.date >= '2025-04-01' && e.date <= '2026-03-31')
    expect(fy2025.map((e) => e.date)).toEqual(['2025-05-20', '2025-06-18', '2025-07-06', '2025-07-17', '2025-08-08', '2025-09-25', '2025-10-23', '2025-11-16', '2025-12-18', '2026-01-23'])
  })

  it('windowId はデプロイ設定の窓口を指す', () => {
    const windows = new Set(deploymentSchema.parse(rawDeployment).windows.map((w) => w.id))
    for (const place of places.filter((p) => p.windowId)) expect(windows).toContain(place.windowId)
  })

  it('公開している CSV は JSON と同じ内容（UTF-8、BOM付き）', () => {
    expect(read('places.csv')).toBe(UTF8_BOM + placesToCsv(places))
    expect(read('events.csv')).toBe(UTF8_BOM + eventsToCsv(events))
  })
})
