import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { placePath, publicPages } from '../../src/app/paths'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { startNodeServer } from '../../src/server/node'
import { EASY_TARGETS, measureEasyPages } from '../helpers/easy-japanese-figures'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'

const root = resolve(import.meta.dirname, '../..')

/**
 * やさしい日本語 as a reader sees it: every public page (the map, a place and the events included)
 * rendered in Chromium, readings removed, then kanji with furigana, kanji share and sentence length.
 * Every place page is read too, since each shows its own open data.
 */
export async function run(): Promise<BenchSection> {
  const distDir = join(root, 'dist')
  await buildIfNeeded(root, distDir)
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-easy-bench-'))
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, TILE_SOURCE: 'http://127.0.0.1:9/{z}/{x}/{y}.png' })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'ja-JP', serviceWorkers: 'block' })
    const figures = await measureEasyPages(() => context.newPage(), server.url, publicPages)
    const ids = (JSON.parse(readFileSync(join(root, 'public/data/places.json'), 'utf8')) as Array<{ id: string }>).map((p) => p.id)
    const places = await measureEasyPages(() => context.newPage(), server.url, ids.map(placePath))
    await context.close()
    const low = figures.lowestFurigana
    const placesMet = places.pages.filter((p) => p.furiganaPercent >= EASY_TARGETS.furiganaPercent).length
    return {
      title: `やさしい日本語, rendered (${figures.pages.length} public pages, readings removed)`,
      rows: [
        { name: 'kanji with furigana, lowest page', value: `${low.furiganaPercent} % (${low.path})`, target: `≥ ${EASY_TARGETS.furiganaPercent} % on every page`, ok: low.furiganaPercent >= EASY_TARGETS.furiganaPercent },
        { name: 'kanji with furigana, all pages together', value: Math.round((1000 * figures.pages.reduce((n, p) => n + (p.kanji * p.furiganaPercent) / 100, 0)) / figures.pages.reduce((n, p) => n + p.kanji, 0)) / 10, unit: '%' },
        { name: 'kanji share of kanji + kana (distinct sentences)', value: figures.kanjiPercent, unit: '%', target: `≤ ${EASY_TARGETS.kanjiPercent} %`, ok: figures.kanjiPercent <= EASY_TARGETS.kanjiPercent },
        { name: 'sentence length p90', value: figures.sentenceP90, unit: 'characters', target: `≤ ${EASY_TARGETS.sentenceP90}`, ok: figures.sentenceP90 <= EASY_TARGETS.sentenceP90 },
        { name: 'sentence length mean', value: figures.sentenceMean, unit: 'characters' },
        { name: 'distinct sentences', value: figures.sentences },
        { name: `place pages with ≥ ${EASY_TARGETS.furiganaPercent} % furigana (every place)`, value: `${placesMet} of ${places.pages.length}`, target: 'all', ok: placesMet === places.pages.length },
        { name: 'place pages, lowest', value: `${places.lowestFurigana.furiganaPercent} % (${places.lowestFurigana.path})` },
      ],
    }
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('easy-japanese-bench.ts')) console.table((await run()).rows)
