/**
 * The public side's figures: what home costs to download (gzip of the JS and CSS it loads), what
 * Lighthouse thinks of home and a hurdle page, in each language, next to two copies of each served by the same process
 * (bare text: no CSS, no JS; same CSS, no JS), and how big the offline precache is.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { paths } from '../../src/app/paths'
import { LANGUAGES } from '../../src/lib/languages'
import { LANGUAGE_PREFIXES, languagePath } from '../../src/shared/language-paths'
import { startNodeServer } from '../../src/server/node'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'
import { startBenchServer, staticCopyPath, type BenchServer } from './bench-server'
import { auditInterleaved, median, type LighthouseMedians } from './lighthouse-audit'
import { loadedAssets, type LoadedAsset } from './loaded-assets'
import { precacheSize } from './precache-size'
import { renderStaticCopy, visibleText } from './static-copy'

type Row = BenchSection['rows'][number]

/** Lantern (simulated throttling) replays each run's own trace: a busy moment on the shared machine moves one run, the median of 5 much less. */
const LIGHTHOUSE_RUNS = 5
const KB = 1000
const TARGET = { loadedKb: 110, precacheMb: 1.5, performance: 95, accessibility: 100, bestPractices: 100, lcpRatio: 1.3, lcpRatioBare: 1.15 }

const root = resolve(import.meta.dirname, '../..')
const distDir = join(root, 'dist')
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10
const sum = (assets: LoadedAsset[], key: 'rawBytes' | 'gzipBytes') => assets.reduce((total, asset) => total + asset[key], 0)

async function measureHomeAssets(): Promise<LoadedAsset[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'))
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir })
  const browser = await launchChromium()
  try {
    return await loadedAssets(browser, `${server.url}/`)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function assetRows(assets: LoadedAsset[]): Row[] {
  const js = assets.filter((asset) => asset.kind === 'js')
  const css = assets.filter((asset) => asset.kind === 'css')
  const totalGzip = sum(assets, 'gzipBytes')
  const largest = [...js]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, 3)
    .map((asset) => `${basename(new URL(asset.url).pathname)} ${kb(asset.gzipBytes)}`)
    .join(', ')
  return [
    { name: 'home: JS + CSS loaded, gzip -9', value: kb(totalGzip), unit: 'kB', target: `≤ ${TARGET.loadedKb} kB`, ok: totalGzip <= TARGET.loadedKb * KB },
    { name: 'home: JS loaded, gzip -9', value: kb(sum(js, 'gzipBytes')), unit: 'kB' },
    { name: 'home: CSS loaded, gzip -9', value: kb(sum(css, 'gzipBytes')), unit: 'kB' },
    { name: 'home: JS + CSS loaded, raw', value: kb(sum(assets, 'rawBytes')), unit: 'kB' },
    { name: 'home: JS / CSS files loaded', value: `${js.length} / ${css.length}` },
    { name: 'home: largest JS files (gzip kB)', value: largest },
  ]
}

/** Home and one hurdle page in each language, at its own URL, each measured against its two baselines (issue 11). */
const PAGES = LANGUAGES.flatMap((language) => {
  const label = language === 'ja' ? '' : `${LANGUAGE_PREFIXES[language].slice(1)}-`
  return [
    { name: `${label}home`, path: languagePath(language, paths.home) },
    { name: `${label}who-can-consult`, path: languagePath(language, paths.hurdleWho) },
  ]
})

/** Writes both copies of a page; true when the same-CSS copy shows the same text as the app. */
async function prepareCopies(server: BenchServer, name: string, pageUrl: string): Promise<boolean> {
  const browser = await launchChromium()
  try {
    server.setStaticCopy(`${name}-css`, await renderStaticCopy(browser, pageUrl))
    server.setStaticCopy(`${name}-bare`, await renderStaticCopy(browser, pageUrl, true))
    const [app, copy] = [await visibleText(browser, pageUrl, true), await visibleText(browser, `${server.url}${staticCopyPath(`${name}-css`)}`, false)]
    return app === copy
  } finally {
    await browser.close()
  }
}

const ratioOf = (a: number, b: number) => Math.round((a / b) * 100) / 100
const runsOf = (medians: LighthouseMedians) => medians.runs.map((run) => Math.round(run.lcpMs)).join(', ')

function lighthouseRows(name: string, page: LighthouseMedians, css: LighthouseMedians, bare: LighthouseMedians): Row[] {
  const toBare = ratioOf(page.lcpMs, bare.lcpMs)
  const toCss = ratioOf(page.lcpMs, css.lcpMs)
  // Page and bare copy measured one right after the other: their ratio shares the machine's moment.
  const paired = median(page.runs.map((run, index) => run.lcpMs / (bare.runs[index]?.lcpMs ?? Number.NaN)))
  return [
    { name: `${name}: performance (median of ${LIGHTHOUSE_RUNS})`, value: page.scores.performance, target: `≥ ${TARGET.performance}`, ok: page.scores.performance >= TARGET.performance },
    { name: `${name}: accessibility`, value: page.scores.accessibility, target: `${TARGET.accessibility}`, ok: page.scores.accessibility >= TARGET.accessibility },
    { name: `${name}: best practices`, value: page.scores['best-practices'], target: `${TARGET.bestPractices}`, ok: page.scores['best-practices'] >= TARGET.bestPractices },
    { name: `${name}: audits losing points`, value: page.failing.join(', ') || 'none' },
    { name: `${name}: LCP page / same-CSS copy / bare text (medians)`, value: `${Math.round(page.lcpMs)} / ${Math.round(css.lcpMs)} / ${Math.round(bare.lcpMs)}`, unit: 'ms' },
    { name: `${name}: LCP of each run, page | same-CSS | bare`, value: `${runsOf(page)} | ${runsOf(css)} | ${runsOf(bare)}`, unit: 'ms' },
    { name: `${name}: LCP ratio page / bare text`, value: toBare, target: `≤ ${TARGET.lcpRatioBare}`, ok: toBare <= TARGET.lcpRatioBare },
    { name: `${name}: LCP ratio page / bare text, median of each round's own ratio`, value: ratioOf(paired, 1) },
    { name: `${name}: LCP ratio page / same-CSS copy`, value: toCss, target: `≤ ${TARGET.lcpRatio}`, ok: toCss <= TARGET.lcpRatio },
  ]
}

function precacheRows(): Row[] {
  const precache = precacheSize(distDir)
  const limit = TARGET.precacheMb * KB * KB
  const rows: Row[] = [
    { name: 'precache: total size (files in sw.js manifest)', value: kb(precache.bytes), unit: 'kB', target: `≤ ${TARGET.precacheMb * KB} kB`, ok: precache.bytes <= limit },
    { name: 'precache: entries', value: precache.entries },
  ]
  if (precache.missing.length > 0) {
    rows.push({ name: 'precache: listed but missing in dist', value: precache.missing.join(', '), ok: false })
  }
  return rows
}

export async function run(): Promise<BenchSection> {
  const assets = await measureHomeAssets()
  const server = await startBenchServer(distDir)
  try {
    const rows: Row[] = [...assetRows(assets)]
    for (const { name, path } of PAGES) {
      const pageUrl = `${server.url}${path}`
      const sameText = await prepareCopies(server, name, pageUrl)
      const urls = [pageUrl, `${server.url}${staticCopyPath(`${name}-css`)}`, `${server.url}${staticCopyPath(`${name}-bare`)}`]
      const [page, css, bare] = await auditInterleaved(urls, LIGHTHOUSE_RUNS)
      if (!page || !css || !bare) throw new Error('Lighthouse produced no figures')
      rows.push({ name: `${name}: same-CSS copy shows the same text as the app (live status lines aside)`, value: sameText ? 'yes' : 'no', ok: sameText })
      rows.push(...lighthouseRows(name, page, css, bare))
    }
    return {
      title: 'Home and a hurdle page in each language (/, /easy, /en): download size, Lighthouse (mobile) against a bare-text and a same-CSS copy, precache',
      rows: [...rows, ...precacheRows()],
    }
  } finally {
    await server.close()
  }
}
