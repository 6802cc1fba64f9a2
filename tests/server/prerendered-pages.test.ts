import { rmSync } from 'node:fs'
import { get, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { unstable_startWorker } from 'wrangler'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { APP_LOADER_SCRIPT_HASH } from '../../src/shared/app-loader-script'
import { LANGUAGE_BOOT_SCRIPT_HASH } from '../../src/shared/language-boot-script'
import { prerenderedFiles, startWorkerServingDist, writePrerenderedDist } from './helpers/prerendered-dist'

const files = prerenderedFiles

/** node:http, not fetch: fetch decodes the body and drops Content-Encoding before we see them. */
function getRaw(url: string, acceptEncoding: string): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((done, fail) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => done({ response, body: Buffer.concat(chunks) }))
    }).on('error', fail)
  })
}

let work: string
let dist: string

beforeAll(() => {
  ;({ work, dist } = writePrerenderedDist())
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('ビルド時に書いたページ: Node', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), DIST_DIR: dist })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('/who-can-consult には who-can-consult.html を、圧縮したまま送る', async () => {
    const { response, body } = await getRaw(`${server.url}/who-can-consult?src=flyer`, 'br')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(brotliDecompressSync(body).toString()).toBe(files['who-can-consult.html'])
  })

  it('/ はトップページ、書いていないページ（/book など）は空のアプリの殻', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toBe(files['index.html'])
    for (const path of ['/book?window=toshima', '/map/places/x', '/nope', '/en/book', '/easy/map']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(200)
      expect(await response.text(), path).toBe(files['app-shell.html'])
    }
  })

  it('言語の URL には、その言語で書いたページ: /en は en.html、/en/who-can-consult は en/who-can-consult.html', async () => {
    for (const [path, file] of [['/en', 'en.html'], ['/en/who-can-consult?src=flyer', 'en/who-can-consult.html'], ['/easy/who-can-consult', 'easy/who-can-consult.html']] as const) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
      expect(await response.text(), path).toBe(files[file])
    }
  })

  it('CSP は <head> の言語のスクリプトと、ページの終わりのアプリの読み込みだけをハッシュで許す', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`script-src 'self' ${LANGUAGE_BOOT_SCRIPT_HASH} ${APP_LOADER_SCRIPT_HASH};`)
  })
})

describe('ビルド時に書いたページ: Workers（workerd）', () => {
  let worker: Awaited<ReturnType<typeof unstable_startWorker>>
  let base: URL
  beforeAll(async () => {
    ;({ worker, url: base } = await startWorkerServingDist(dist, join(work, 'state')))
  }, 120_000)
  afterAll(async () => {
    await worker?.dispose()
  })

  const openPage = (path: string) => fetch(new URL(path, base), { redirect: 'manual' })

  it('/who-can-consult には who-can-consult.html、/ にはトップページ', async () => {
    const who = await openPage('/who-can-consult')
    expect(who.status).toBe(200)
    expect(await who.text()).toBe(files['who-can-consult.html'])
    expect(await (await openPage('/')).text()).toBe(files['index.html'])
  })

  it('言語の URL には、その言語で書いたページ（/en、/en/who-can-consult、/easy/who-can-consult）', async () => {
    for (const [path, file] of [['/en', 'en.html'], ['/en/who-can-consult', 'en/who-can-consult.html'], ['/easy/who-can-consult', 'easy/who-can-consult.html']] as const) {
      const response = await openPage(path)
      expect(response.status, path).toBe(200)
      expect(await response.text(), path).toBe(files[file])
    }
    const shell = await openPage('/en/book?window=toshima')
    expect(shell.status).toBe(200)
    expect(await shell.text()).toBe(files['app-shell.html'])
  })

  it('書いていないページは空のアプリの殻で、セキュリティのヘッダーが付く', async () => {
    const response = await openPage('/book?window=toshima')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(files['app-shell.html'])
    expect(response.headers.get('content-security-policy')).toContain(`${LANGUAGE_BOOT_SCRIPT_HASH} ${APP_LOADER_SCRIPT_HASH}`)
  })

  it('ないファイル（HTML 以外）やページへの DELETE・POST・PATCH は、Node と同じ JSON の 404 errors.notFound', async () => {
    const response = await fetch(new URL('/assets/missing-abc123.js', base))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'errors.notFound' })
    const deleted = await fetch(new URL('/book', base), { method: 'DELETE' })
    expect([deleted.status, await deleted.json()]).toEqual([404, { error: 'errors.notFound' }])
    // Pages and files that exist too: static assets alone would answer an empty 405.
    for (const [method, path] of [['POST', '/'], ['PATCH', '/who-can-consult'], ['DELETE', '/q/%2e%2e']] as const) {
      const refused = await fetch(new URL(path, base), { method, headers: { 'content-type': 'application/json' }, body: '{"x":1}' })
      expect([refused.status, await refused.json()], `${method} ${path}`).toEqual([404, { error: 'errors.notFound' }])
    }
  })
})
