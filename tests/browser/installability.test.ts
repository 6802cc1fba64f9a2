import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPersistent } from '../tools/chromium'
import { appUrl, openPage, waitForServiceWorker } from './helpers/app'

interface ManifestIcon {
  src: string
  sizes: string
  type: string
  purpose?: string
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('インストールできる', { timeout: 120_000 }, () => {
  let profile: string
  let context: BrowserContext

  beforeAll(async () => {
    // A fresh, non-incognito profile: a plain newContext() always reports "in-incognito".
    profile = mkdtempSync(join(tmpdir(), 'tsunagu-install-'))
    context = await launchPersistent(profile)
  })

  afterAll(async () => {
    await context?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('最初の読み込みで、サービスワーカーがページを制御するようになる', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    await openPage(page, '/')
    // A mark on this very document: it must still be there once controlled, i.e. no reload happened.
    await page.evaluate(() => Object.assign(window, { firstLoadMark: true }))
    await waitForServiceWorker(page)
    const seen = await page.evaluate(() => ({
      scriptUrl: navigator.serviceWorker.controller?.scriptURL,
      sameDocument: 'firstLoadMark' in window,
    }))
    expect(seen).toEqual({ scriptUrl: appUrl('/sw.js'), sameDocument: true })
  })

  it('Chromium のインストール可否チェックがエラーを返さない', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    await waitForServiceWorker(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>
    }
    expect(installabilityErrors).toEqual([])
  })

  it('マニフェストは日本語で、192・512・マスカブルのアイコンがそのサイズで届く', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(manifestHref).toBeTruthy()
    const response = await context.request.get(appUrl(manifestHref as string))
    expect(response.ok()).toBe(true)
    const manifest = (await response.json()) as { lang: string; theme_color: string; display: string; icons: ManifestIcon[] }
    expect(manifest.lang).toBe('ja')
    expect(manifest.display).toBe('standalone')
    expect(manifest.theme_color).toBe('#00118f')

    const bySize = (sizes: string, maskable: boolean) =>
      manifest.icons.filter((icon) => icon.sizes === sizes && (icon.purpose ?? 'any').includes('maskable') === maskable)
    expect(bySize('192x192', false)).toHaveLength(1)
    expect(bySize('512x512', false)).toHaveLength(1)
    expect(bySize('512x512', true)).toHaveLength(1)

    for (const icon of manifest.icons) {
      const image = await context.request.get(appUrl(icon.src))
      expect(image.ok(), icon.src).toBe(true)
      expect(image.headers()['content-type']).toContain('image/png')
      const [width, height] = icon.sizes.split('x').map(Number)
      expect(pngSize(await image.body()), icon.src).toEqual({ width, height })
    }
    const svg = await context.request.get(appUrl('/icons/icon.svg'))
    expect(svg.ok()).toBe(true)
    expect(svg.headers()['content-type']).toContain('image/svg+xml')
  })
})
