import type { Page } from 'playwright-core'
import { sentencesOf } from '../../src/shared/furigana'
import { languagePath } from '../../src/shared/language-paths'

/** The targets of issue 11 for pages in やさしい日本語, on the rendered pages with readings removed. */
export const EASY_TARGETS = { furiganaPercent: 98, kanjiPercent: 25, sentenceP90: 30 } as const

/** Opens `path` in やさしい日本語 at its own URL (`/easy${path}`, shared/language-paths.ts). */
export async function openEasyPage(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(new URL(languagePath('ja-easy', path), baseUrl).href)
}

export interface PageText {
  /** What the page shows, readings hidden, folded parts opened. */
  text: string
  kanji: number
  /** Kanji inside a `<ruby>` that has its reading. */
  withReading: number
  /** Kanji shown without a reading, in order, repeated ones once. */
  bare: string[]
}

/**
 * Runs in the page (stands alone: no imports, no closures). Everything a reader can reach counts:
 * folded `<details>` are opened first; hidden elements and the readings themselves do not count.
 */
export function readPageText(): PageText {
  for (const details of document.querySelectorAll('details')) details.open = true
  const hideReadings = document.createElement('style')
  // A ruby inside a flex row would be its own item, and innerText would break the line around it.
  hideReadings.textContent = 'rt, rp { display: none !important } ruby { display: contents !important }'
  document.head.append(hideReadings)
  const text = document.body.innerText
  hideReadings.remove()
  const kanjiPattern = /[\p{Script=Han}々〆ヶ]/gu
  let kanji = 0
  let withReading = 0
  const bare = new Set<string>()
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || parent.closest('rt, rp, script, style, noscript, template') || !parent.checkVisibility()) continue
    const found = node.textContent?.match(kanjiPattern)
    if (!found) continue
    kanji += found.length
    const ruby = parent.closest('ruby')
    if (ruby?.querySelector('rt')?.textContent?.trim()) withReading += found.length
    else bare.add(node.textContent?.trim() ?? '')
  }
  return { text, kanji, withReading, bare: [...bare] }
}

export interface PageFigures {
  path: string
  kanji: number
  furiganaPercent: number
  bare: string[]
  sentences: string[]
}

export interface EasyFigures {
  pages: PageFigures[]
  /** The page with the fewest kanji carrying furigana. */
  lowestFurigana: PageFigures
  /** Over the distinct sentences of all pages (a header line counts once, not once per page). */
  kanjiPercent: number
  sentenceMean: number
  sentenceP90: number
  sentences: number
}

const round1 = (n: number) => Math.round(n * 10) / 10
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

export function pageFigures(path: string, read: PageText): PageFigures {
  return {
    path,
    kanji: read.kanji,
    furiganaPercent: read.kanji === 0 ? 100 : round1((100 * read.withReading) / read.kanji),
    bare: read.bare,
    sentences: sentencesOf(read.text),
  }
}

export function easyFigures(pages: PageFigures[]): EasyFigures {
  const sentences = [...new Set(pages.flatMap((p) => p.sentences))]
  const all = sentences.join('')
  const kanji = count(all, /[\p{Script=Han}々〆ヶ]/gu)
  const kana = count(all, /[\p{Script=Hiragana}\p{Script=Katakana}ー]/gu)
  const lengths = sentences.map((s) => [...s].length).sort((a, b) => a - b)
  const p90 = lengths[Math.max(0, Math.ceil(lengths.length * 0.9) - 1)] ?? 0
  const lowestFurigana = pages.reduce((low, p) => (p.furiganaPercent < low.furiganaPercent ? p : low))
  return {
    pages,
    lowestFurigana,
    kanjiPercent: round1((100 * kanji) / Math.max(1, kanji + kana)),
    sentenceMean: round1(lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)),
    sentenceP90: p90,
    sentences: lengths.length,
  }
}

/** Opens every path in やさしい日本語 on a fresh page, waits until its data is drawn, and reads it. */
export async function measureEasyPages(newPage: () => Promise<Page>, baseUrl: string, paths: readonly string[]): Promise<EasyFigures> {
  const pages: PageFigures[] = []
  for (const path of paths) {
    const page = await newPage()
    await openEasyPage(page, baseUrl, path)
    await page.locator('main h1').waitFor({ state: 'visible' })
    await page.waitForFunction(() => {
      const heading = document.querySelector('main h1')
      const drawn = !!heading && Object.keys(heading).some((key) => key.startsWith('__reactFiber$'))
      // The map, place and event pages say 「…読みこんで います」 until the open data is parsed.
      const loading = [...document.querySelectorAll('main [role="status"]')].some((el) => el.textContent?.includes('よみこんで') || el.textContent?.includes('読みこんで'))
      const easy = [...document.querySelectorAll('header button[aria-expanded]')].some((el) => el.textContent?.includes('やさしい にほんご'))
      return drawn && !loading && easy
    })
    await page.waitForLoadState('networkidle')
    pages.push(pageFigures(path, await page.evaluate(readPageText)))
    await page.close()
  }
  return easyFigures(pages)
}
