import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { LANGUAGES } from '../../src/lib/languages'
import { launchChromium } from '../tools/chromium'
import { useLanguage } from './helpers/app'
import { interceptTiles, markersShown } from './map-helpers'

const baseUrl = inject('baseUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

const PAGES = ['/map', '/map?kind=women&free=1', '/map/places/toshima-hikikomori-window', '/map/places/oshima-rocket', '/events']

describe.each(LANGUAGES)('axe（%s）', (language) => {
  it('居場所マップ、場所のページ、催しのページで違反が0件', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    await interceptTiles(context)
    await useLanguage(context, language)
    const page = await context.newPage()
    for (const path of PAGES) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' })
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('main [role=status]:not([data-testid]), main p[role=status]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined)
      if (path.startsWith('/map?') || path === '/map') {
        await page.waitForFunction(markersShown, null)
        // The folded choices are checked open too.
        await page.locator('main button[aria-controls][aria-expanded="false"]').click()
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await context.close()
  }, 180_000)
})
