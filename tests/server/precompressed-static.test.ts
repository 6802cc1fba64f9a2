import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDirectory } from '../../src/build/precompress'
import { startNodeServer, type RunningServer } from '../../src/server/node'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** node:http, not fetch: fetch adds its own Accept-Encoding and decodes the body before we see it. */
function get(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

const script = `export const greeting = ${JSON.stringify('こんにちは、つなぐです。'.repeat(200))}\n`
const shell = `<!doctype html><html lang="ja"><head><title>つなぐ</title></head><body><div id="root">${'<p>はじめの一歩</p>'.repeat(100)}</div></body></html>`
const tiny = 'body{margin:0}'
let dataDir: string
let distDir: string
let server: RunningServer

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-static-'))
  distDir = join(dataDir, 'dist')
  mkdirSync(join(distDir, 'assets'), { recursive: true })
  writeFileSync(join(distDir, 'assets', 'app-abc123.js'), script)
  writeFileSync(join(distDir, 'assets', 'tiny-abc123.css'), tiny)
  writeFileSync(join(distDir, 'index.html'), shell)
  writeFileSync(join(distDir, 'app-shell.html'), shell)
  precompressDirectory(distDir)
  server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), DIST_DIR: distDir })
})
afterAll(async () => {
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('静的ファイル: ビルド時に圧縮したものを送る', () => {
  it('ビルドは 1 kB を超えるファイルにだけ .br と .gz を書く', () => {
    expect(readdirSync(join(distDir, 'assets')).sort()).toEqual([
      'app-abc123.js', 'app-abc123.js.br', 'app-abc123.js.gz', 'tiny-abc123.css',
    ])
  })

  it('br を受け付けるブラウザには brotli で、中身は元のまま', async () => {
    const response = await get(`${server.url}/assets/app-abc123.js`, 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/)
    expect(response.headers.vary).toContain('Accept-Encoding')
    expect(response.headers['cache-control']).toContain('immutable')
    expect(response.body.length).toBeLessThan(Buffer.byteLength(script) / 5)
    expect(brotliDecompressSync(response.body).toString()).toBe(script)
  })

  it('gzip だけなら gzip で', async () => {
    const response = await get(`${server.url}/assets/app-abc123.js`, 'gzip')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toContain('Accept-Encoding')
    expect(gunzipSync(response.body).toString()).toBe(script)
  })

  it('Accept-Encoding がなければ圧縮せずに、それでも Vary を付ける', async () => {
    const response = await get(`${server.url}/assets/app-abc123.js`)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toContain('Accept-Encoding')
    expect(response.body.toString()).toBe(script)
  })

  it('アプリの中の URL（SPA のフォールバック）も圧縮した HTML で、型は text/html', async () => {
    const response = await get(`${server.url}/book?window=x`, 'br')
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(brotliDecompressSync(response.body).toString()).toBe(shell)
  })

  it('小さなファイルはそのまま', async () => {
    const response = await get(`${server.url}/assets/tiny-abc123.css`, 'br, gzip')
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.body.toString()).toBe(tiny)
  })
})
