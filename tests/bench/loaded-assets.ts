import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'

export interface LoadedAsset {
  url: string
  kind: 'js' | 'css'
  rawBytes: number
  gzipBytes: number
}

function kindOf(resourceType: string, contentType: string): LoadedAsset['kind'] | undefined {
  if (resourceType === 'script' || contentType.includes('javascript')) return 'js'
  if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css'
  return undefined
}

/**
 * Every JS and CSS response the page receives while it loads (until the app runs and the network is idle), each body
 * gzipped at level 9 here, whatever the server sends. Service workers are blocked: what the worker
 * precaches in the background is the precache's figure, not the page's.
 */
export async function loadedAssets(browser: Browser, url: string): Promise<LoadedAsset[]> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 640 } })
  try {
    const page = await context.newPage()
    const pending: Array<Promise<LoadedAsset | undefined>> = []
    page.on('response', (response) => {
      const kind = kindOf(response.request().resourceType(), response.headers()['content-type'] ?? '')
      if (!kind || response.status() !== 200) return
      pending.push(
        response.body().then((body) => ({ url: response.url(), kind, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length })),
      )
    })
    await page.goto(url)
    // A pre-rendered page fetches the app only after its first paint: wait until React runs it, then
    // until the network is quiet, so every chunk the app loads on its own is counted.
    await page.waitForFunction(() => {
      const heading = document.querySelector('main h1')
      return !!heading && Object.keys(heading).some((key) => key.startsWith('__reactFiber$'))
    }, undefined, { timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    const assets = await Promise.all(pending)
    return assets.filter((asset): asset is LoadedAsset => asset !== undefined)
  } finally {
    await context.close()
  }
}
