import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCache } from '../../src/server/abuse/read-cache'
import { createApp } from '../../src/server/app'
import type { Store } from '../../src/server/store/store'
import { openSlots, postJson, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

let node: Awaited<ReturnType<typeof startNodeApp>>
let target: ApiTarget
let clock = Date.now()
const reads = { openSlots: 0, staffKeys: 0 }

beforeAll(async () => {
  node = await startNodeApp()
  const store = node.store
  const counting: Store = Object.assign(Object.create(store) as Store, {
    openSlots: (...args: Parameters<Store['openSlots']>) => (reads.openSlots++, store.openSlots(...args)),
    staffKeys: () => (reads.staffKeys++, store.staffKeys()),
  })
  const app = createApp({ deployment: node.deployment, getStore: () => counting, rateLimiter: null, now: () => new Date(clock) })
  target = { fetch: async (path, init) => app.request(path, init) }
})
afterAll(() => node.close())

describe('設定と空き枠の一覧はメモリから（短い TTL、予約で消す）', () => {
  it('50 回読んでもデータベースは 1 回ずつ、予約した枠は次の一覧から消え、10 秒たてば読み直す', async () => {
    reads.openSlots = 0
    reads.staffKeys = 0
    for (let i = 0; i < 50; i++) {
      expect((await target.fetch('/api/config')).status).toBe(200)
      await openSlots(target, 'toshima', i % 2 ? 'phone' : 'visit')
    }
    expect(reads).toEqual({ openSlots: 1, staffKeys: 1 })

    const [first] = await openSlots(target, 'toshima', 'phone')
    const booking = await makeBooking({ slotId: first!.id })
    expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
    const after = await openSlots(target, 'toshima', 'phone')
    expect(after.map((s) => s.id)).not.toContain(first!.id)
    expect(reads.openSlots).toBe(2)

    // A booking cannot change the staff keys, so the config stays; so does everything after a refused write (here a 400).
    await postJson(target, '/api/requests', '{')
    await target.fetch('/api/config')
    expect(reads.staffKeys).toBe(1)
    clock += 10_001
    await target.fetch('/api/config')
    expect(reads.staffKeys).toBe(2)
  })
})

describe('メモリの答えの分け方', () => {
  it('ひとつの読み出しが終わらなくても、ほかの人の読み出しは待たされない（Workers では待たせた側が止まると 500 になる）', async () => {
    const cache = readCache(10_000, () => clock)
    const stuck = cache.get('slots', () => new Promise<string>(() => {}))
    await expect(cache.get('slots', async () => 'fresh')).resolves.toBe('fresh')
    await expect(cache.get('slots', async () => 'again')).resolves.toBe('fresh')
    void stuck
  })

  it('書き込みの前に始まった読み出しは、書き込みのあとに古い答えを残さない', async () => {
    const cache = readCache(10_000, () => clock)
    let finish: (value: string) => void = () => {}
    const before = cache.get('slots', () => new Promise<string>((resolve) => (finish = resolve)))
    cache.clear()
    finish('before the booking')
    await expect(before).resolves.toBe('before the booking')
    await expect(cache.get('slots', async () => 'after the booking')).resolves.toBe('after the booking')
  })
})
