import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface PrecacheSize {
  entries: number
  bytes: number
  missing: string[]
}

/** Reads the precache manifest that workbox inlined into dist/sw.js and sums the listed files. */
export function precacheSize(distDir: string): PrecacheSize {
  const worker = readFileSync(join(distDir, 'sw.js'), 'utf8')
  const call = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(worker)
  if (!call?.[1]) throw new Error('dist/sw.js has no precacheAndRoute([...]) manifest')
  const urls = [...call[1].matchAll(/url:\s*"([^"]+)"/g)].map((match) => match[1] as string)
  if (urls.length === 0) throw new Error('the precache manifest in dist/sw.js lists no file')
  const missing = urls.filter((url) => !existsSync(join(distDir, url)))
  const bytes = urls.filter((url) => !missing.includes(url)).reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0)
  return { entries: urls.length, bytes, missing }
}
