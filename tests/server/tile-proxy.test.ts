import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { FAKE_TILE, startFakeTileOrigin } from '../helpers/fake-tile-origin'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

/** What a browser sends with an image request: none of it may reach the tile server. */
const VISITOR_HEADERS = {
  'User-Agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36',
  Referer: 'https://tsunagu.example/map?kind=family&area=文京区'.normalize(),
  'Accept-Language': 'ja-JP,ja;q=0.9',
  Cookie: 'visitor=1',
  'X-Forwarded-For': '203.0.113.7',
  'X-Real-IP': '203.0.113.7',
  Forwarded: 'for=203.0.113.7',
  'CF-Connecting-IP': '203.0.113.7',
  'Sec-CH-UA': '"Chromium";v="131"',
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response>

function defineTileProxyContract(runtime: string, setup: () => { fetch: Fetch; fake: Awaited<ReturnType<typeof startFakeTileOrigin>> }) {
  describe(`${runtime}: 地図タイルは自分のオリジンから`, () => {
    it('タイルを設定したタイルサーバーから取ってきて返し、訪問者のことは何も伝えない', async () => {
      const { fetch, fake } = setup()
      const response = await fetch('/tiles/12/3638/1612.png', { headers: { ...VISITOR_HEADERS, Referer: encodeURI(VISITOR_HEADERS.Referer) } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await response.arrayBuffer()).equals(FAKE_TILE)).toBe(true)
      expect(response.headers.get('content-security-policy')).toContain("img-src 'self' data:;")
      const asked = fake.received.filter((r) => r.path === '/12/3638/1612.png')
      expect(asked).toHaveLength(1)
      const headers = asked[0]!.headers
      // Node's fetch adds `Accept-Language: *` of its own; the visitor's languages never go.
      expect(headers['accept-language'] ?? '*').toBe('*')
      for (const name of ['referer', 'cookie', 'x-forwarded-for', 'x-real-ip', 'forwarded', 'cf-connecting-ip', 'sec-ch-ua', 'origin']) {
        expect(headers[name], name).toBeUndefined()
      }
      expect(headers['user-agent']).toBe('tsunagu-tile-proxy')
      expect(JSON.stringify(headers)).not.toMatch(/203\.0\.113\.7|Mozilla|Chrome|文京|%E6%96%87|kind=family/)
    })

    it('一度取ったタイルは、次からタイルサーバーに聞かずに返す', async () => {
      const { fetch, fake } = setup()
      for (let i = 0; i < 3; i++) expect((await fetch('/tiles/13/7276/3225.png')).status).toBe(200)
      expect(fake.received.filter((r) => r.path === '/13/7276/3225.png')).toHaveLength(1)
    })

    it('取れないタイル（ない・壊れたサーバー）は 404 で答える', async () => {
      const { fetch } = setup()
      for (const path of ['/tiles/10/5/404.png', '/tiles/10/5/500.png']) {
        const response = await fetch(path)
        expect(response.status, path).toBe(404)
        expect(await response.json()).toEqual({ error: 'errors.notFound' })
      }
    })

    it('おかしなタイルの番号は、タイルサーバーに聞かずに 404', async () => {
      const { fetch, fake } = setup()
      const before = fake.received.length
      const bad = ['/tiles/19/0/0.png', '/tiles/2/4/0.png', '/tiles/2/0/4.png', '/tiles/-1/0/0.png', '/tiles/01/0/0.png', '/tiles/1/0/0.jpg', '/tiles/1/0/0', '/tiles/a/b/c.png', '/tiles/1/0/0.png.png', '/tiles/1/0', '/tiles/1/%2e%2e/0.png', '/tiles/99999999999/0/0.png']
      for (const path of bad) {
        const response = await fetch(path)
        expect(response.status, path).toBe(404)
        expect(response.headers.get('content-type'), path).toContain('application/json')
      }
      expect(fake.received.length).toBe(before)
    })
  })
}

describe('Node', () => {
  let fake: Awaited<ReturnType<typeof startFakeTileOrigin>>
  let server: RunningServer
  let dataDir: string
  beforeAll(async () => {
    fake = await startFakeTileOrigin()
    dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-tiles-'))
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: dataDir, TILE_SOURCE: fake.source })
  })
  afterAll(async () => {
    await server?.close()
    await fake?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  defineTileProxyContract('Node', () => ({ fetch: (path, init) => fetch(new URL(path, server.url), init), fake }))
})

describe('workerd', () => {
  let fake: Awaited<ReturnType<typeof startFakeTileOrigin>>
  let workerd: Awaited<ReturnType<typeof startWorkerd>>
  beforeAll(async () => {
    fake = await startFakeTileOrigin()
    workerd = await startWorkerd({ vars: { TILE_SOURCE: fake.source } })
  }, WORKERD_START_MS)
  afterAll(async () => {
    await workerd?.close()
    await fake?.close()
  }, 30_000)
  defineTileProxyContract('workerd', () => ({ fetch: (path, init) => workerd.target.fetch(path, init), fake }))
})
