import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { unstable_startWorker } from 'wrangler'
import { precompressDirectory } from '../../../src/build/precompress'

const page = (name: string) => `<!doctype html><html lang="ja"><head><title>${name}</title></head><body><div id="root">${`<p>${name}</p>`.repeat(200)}</div></body></html>`

/** What the build writes, in miniature: pre-rendered pages in three languages, the app shell, a hashed asset, all precompressed. */
export const prerenderedFiles = {
  'index.html': page('home'),
  'who-can-consult.html': page('who'),
  'en.html': page('home in English'),
  'en/who-can-consult.html': page('who in English'),
  'easy/who-can-consult.html': page('who in easy Japanese'),
  'app-shell.html': '<!doctype html><html lang="ja"><head><title>つなぐ</title></head><body><div id="root"></div></body></html>',
  'assets/app-abc123.js': `export const text = ${JSON.stringify('x'.repeat(2000))}\n`,
  'manifest.webmanifest': JSON.stringify({ name: 'つなぐ', start_url: '/' }),
} as const

/** Writes the miniature dist into a new temporary directory; returns the directory holding `dist`. */
export function writePrerenderedDist(): { work: string; dist: string } {
  const work = mkdtempSync(join(tmpdir(), 'tsunagu-pages-'))
  const dist = join(work, 'dist')
  for (const dir of ['assets', 'en', 'easy']) mkdirSync(join(dist, dir), { recursive: true })
  for (const [name, body] of Object.entries(prerenderedFiles)) writeFileSync(join(dist, name), body)
  precompressDirectory(dist)
  return { work, dist }
}

/** The Workers entry in workerd (wrangler's local runtime) serving that dist; no D1 data needed for pages. */
export async function startWorkerServingDist(dist: string, stateDir: string): Promise<{ worker: Awaited<ReturnType<typeof unstable_startWorker>>; url: URL }> {
  Object.assign(process.env, { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' })
  const worker = await unstable_startWorker({
    config: resolve(import.meta.dirname, '../../../src/server/wrangler.jsonc'),
    assets: dist,
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: stateDir, logLevel: 'warn', watch: false },
  })
  await worker.ready
  return { worker, url: await worker.url }
}
