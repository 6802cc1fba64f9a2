import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicPages } from '../../src/app/paths'
import { HTML_LANG, LANGUAGES } from '../../src/lib/languages'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage, useLanguage } from './helpers/app'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const VIEWPORTS = {
  phone: { width: 360, height: 640 },
  desktop: { width: 1280, height: 800 },
} as const

describe('axe: 公開ページ × 言語 × 画面の大きさ', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of LANGUAGES) {
    for (const [label, viewport] of Object.entries(VIEWPORTS)) {
      // Every public page and its states in one test: at load 14 on 2 cores it passed 3 minutes. The
      // timeout is a hang detector, not a speed check.
      it(`${language} / ${label}: 違反 0 件`, { timeout: 600_000 }, async () => {
        const context = await newAppContext(browser, { viewport, serviceWorkers: 'block' })
        await useLanguage(context, language)
        const page = await context.newPage()
        const violations: string[] = []
        const check = async (where: string) => {
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
          // Guard against a vacuous run: these rules apply to every page of the app.
          expect(results.passes.map((rule) => rule.id), where).toEqual(
            expect.arrayContaining(['html-has-lang', 'document-title', 'color-contrast']),
          )
          for (const violation of results.violations) {
            const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ')
            violations.push(`${where}: ${violation.id} (${violation.impact}) → ${targets}`)
          }
        }
        for (const path of publicPages) {
          await openPage(page, path)
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(HTML_LANG[language])
          await check(path)
        }
        // The header's language list, open.
        await openPage(page, '/')
        await page.locator('header button[aria-expanded]').click()
        await page.locator('header ul:not([hidden])').waitFor()
        await check('/ (language list open)')
        await context.close()
        expect(violations).toEqual([])
      })
    }
  }
})
