import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicPages } from '../../src/app/paths'
import { LANGUAGES } from '../../src/lib/languages'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage, useLanguage } from './helpers/app'

/** A phone of 360×640 CSS px, the size the issue names for "one phone screen". */
const PHONE = { width: 360, height: 640 }

describe('スマートフォン（360×640）での見た目', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of LANGUAGES) {
    it(`${language}: 横にはみ出さず、ヘッダーは1行、押せるものは 44px 以上`, async () => {
      const context = await newAppContext(browser, { viewport: PHONE, serviceWorkers: 'block' })
      await useLanguage(context, language)
      const page = await context.newPage()
      const problems: string[] = []
      for (const path of publicPages) {
        await openPage(page, path)
        const seen = await page.evaluate(() => {
          const header = document.querySelector('header') as HTMLElement
          const small = [...document.querySelectorAll<HTMLElement>('header a, header button, main a, main button')]
            // Links inside running text are exempt (WCAG 2.5.8 "inline"); everything else must be large.
            .filter((el) => el.offsetParent !== null && getComputedStyle(el).display !== 'inline')
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.height < 44 || box.width < 44)
            .map(({ el, box }) => `${el.textContent?.trim()} ${Math.round(box.width)}×${Math.round(box.height)}`)
          return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            headerHeight: header.getBoundingClientRect().height,
            small,
          }
        })
        if (seen.overflow > 0) problems.push(`${path}: ${seen.overflow}px wider than the screen`)
        if (seen.headerHeight > 72) problems.push(`${path}: header ${seen.headerHeight}px high`)
        for (const target of seen.small) problems.push(`${path}: small target ${target}`)
      }
      await context.close()
      expect(problems).toEqual([])
    }, 120_000)
  }

  it('幅 320px（WCAG の reflow）でも、どのページも横にはみ出さない', async () => {
    const problems: string[] = []
    for (const language of LANGUAGES) {
      const context = await newAppContext(browser, { viewport: { width: 320, height: 568 }, serviceWorkers: 'block' })
      await useLanguage(context, language)
      const page = await context.newPage()
      for (const path of publicPages) {
        await openPage(page, path)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        if (overflow > 0) problems.push(`${language} ${path}: ${overflow}px`)
      }
      await context.close()
    }
    expect(problems).toEqual([])
  }, 180_000)

  it('トップページは、予約、電話、5つの質問と「家族の方へ」が最初の画面に収まる（日本語）', async () => {
    const context = await newAppContext(browser, { viewport: PHONE, serviceWorkers: 'block' })
    const page = await context.newPage()
    await openPage(page, '/')
    const bottoms = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main a')].map((a) => ({
        text: a.textContent?.trim() ?? '',
        bottom: a.getBoundingClientRect().bottom,
      })),
    )
    const family = bottoms.find((link) => link.text === '家族の方へ')
    expect(family).toBeDefined()
    for (const link of bottoms.slice(0, bottoms.indexOf(family as (typeof bottoms)[number]) + 1)) {
      expect(link.bottom, link.text).toBeLessThanOrEqual(PHONE.height)
    }
    await context.close()
  })
})
