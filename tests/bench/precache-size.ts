import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { precachedUrls } from '../browser/helpers/precache'

export interface PrecacheSize {
  entries: number
  bytes: number
  missing: string[]
}

/** Sums the files of the precache manifest that workbox injected into dist/sw.js. */
export function precacheSize(distDir: string): PrecacheSize {
  const urls = precachedUrls(distDir)
  if (urls.length === 0) throw new Error('the precache manifest in dist/sw.js lists no file')
  const missing = urls.filter((url) => !existsSync(join(distDir, url)))
  const bytes = urls.filter((url) => !missing.includes(url)).reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0)
  return { entries: urls.length, bytes, missing }
}
