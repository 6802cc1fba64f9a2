import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicPages } from '../../src/app/paths'
import { EASY_TARGETS, measureEasyPages } from '../helpers/easy-japanese-figures'
import { launchChromium } from '../tools/chromium'
import { baseUrl, newAppContext } from './helpers/app'
import { interceptTiles } from './map-helpers'

describe('やさしい日本語のページ（表示されたもの、読みを除いて数える）', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('どの公開ページも漢字の98%以上にふりがながあり、漢字は25%以下、文の90%は30文字以下', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await interceptTiles(context, 'serve')
    const figures = await measureEasyPages(() => context.newPage(), baseUrl(), publicPages)
    await context.close()
    console.table(figures.pages.map(({ path, kanji, furiganaPercent, sentences, bare }) => ({ path, kanji, furiganaPercent, sentences: sentences.length, bare: bare.join(' / ').slice(0, 80) })))
    console.log(`漢字 ${figures.kanjiPercent}%、文 ${figures.sentences}個: 平均 ${figures.sentenceMean}字、p90 ${figures.sentenceP90}字`)

    expect(figures.pages.map((p) => p.path)).toEqual([...publicPages])
    for (const page of figures.pages) {
      expect(page.kanji, page.path).toBeGreaterThan(0)
      expect(page.furiganaPercent, `${page.path}: ふりがなのない漢字 ${page.bare.join(' / ')}`).toBeGreaterThanOrEqual(EASY_TARGETS.furiganaPercent)
    }
    expect(figures.kanjiPercent).toBeLessThanOrEqual(EASY_TARGETS.kanjiPercent)
    const long = figures.pages.flatMap((p) => p.sentences).filter((s) => [...s].length > EASY_TARGETS.sentenceP90)
    expect(figures.sentenceP90, `30文字をこえる文: ${[...new Set(long)].join(' / ')}`).toBeLessThanOrEqual(EASY_TARGETS.sentenceP90)
  }, 300_000)
})
