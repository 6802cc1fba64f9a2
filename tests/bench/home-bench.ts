/**
 * Issue 2's figures for the home page: what it costs to download (gzip of the JS and CSS it loads),
 * what Lighthouse thinks of it next to a static copy of itself served by the same process, and how
 * big the offline precache is.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { startNodeServer } from '../../src/server/node'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'
import { startBenchServer, STATIC_COPY_PATH } from './bench-server'
import { auditInterleaved, type LighthouseMedians } from './lighthouse-audit'
import { loadedAssets, type LoadedAsset } from './loaded-assets'
import { precacheSize } from './precache-size'
import { renderStaticCopy, visibleText } from './static-copy'

type Row = BenchSection['rows'][number]

const LIGHTHOUSE_RUNS = 3
const KB = 1000
const TARGET = { loadedKb: 110, precacheMb: 1.5, performance: 95, accessibility: 100, bestPractices: 100, lcpRatio: 1.3 }

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

async function prepareStaticCopy(homeUrl: string, setCopy: (html: string) => void, staticUrl: string): Promise<boolean> {
  const browser = await launchChromium()
  try {
    setCopy(await renderStaticCopy(browser, homeUrl))
    const [app, copy] = [await visibleText(browser, homeUrl, true), await visibleText(browser, staticUrl, false)]
    return app === copy
  } finally {
    await browser.close()
  }
}

function lighthouseRows(home: LighthouseMedians, copy: LighthouseMedians): Row[] {
  const ratio = Math.round((home.lcpMs / copy.lcpMs) * 100) / 100
  const runs = (medians: LighthouseMedians) => medians.runs.map((run) => Math.round(run.lcpMs)).join(', ')
  return [
    { name: `home: performance (median of ${LIGHTHOUSE_RUNS})`, value: home.scores.performance, target: `≥ ${TARGET.performance}`, ok: home.scores.performance >= TARGET.performance },
    { name: 'home: accessibility', value: home.scores.accessibility, target: `${TARGET.accessibility}`, ok: home.scores.accessibility >= TARGET.accessibility },
    { name: 'home: best practices', value: home.scores['best-practices'], target: `${TARGET.bestPractices}`, ok: home.scores['best-practices'] >= TARGET.bestPractices },
    { name: 'home: LCP (median)', value: Math.round(home.lcpMs), unit: 'ms' },
    { name: 'home: LCP of each run', value: runs(home), unit: 'ms' },
    { name: 'home: audits losing points', value: home.failing.join(', ') || 'none' },
    { name: 'static copy: performance', value: copy.scores.performance },
    { name: 'static copy: accessibility', value: copy.scores.accessibility },
    { name: 'static copy: best practices', value: copy.scores['best-practices'] },
    { name: 'static copy: LCP (median)', value: Math.round(copy.lcpMs), unit: 'ms' },
    { name: 'static copy: LCP of each run', value: runs(copy), unit: 'ms' },
    { name: 'LCP ratio home / static copy', value: ratio, target: `≤ ${TARGET.lcpRatio}`, ok: ratio <= TARGET.lcpRatio },
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
    const homeUrl = `${server.url}/`
    const staticUrl = `${server.url}${STATIC_COPY_PATH}`
    const sameText = await prepareStaticCopy(homeUrl, server.setStaticCopy, staticUrl)
    const [home, copy] = await auditInterleaved([homeUrl, staticUrl], LIGHTHOUSE_RUNS)
    if (!home || !copy) throw new Error('Lighthouse produced no figures')
    return {
      title: 'Home page: download size, Lighthouse (mobile) against a static copy, precache',
      rows: [
        ...assetRows(assets),
        { name: 'static copy shows the same text as the app', value: sameText ? 'yes' : 'no', ok: sameText },
        ...lighthouseRows(home, copy),
        ...precacheRows(),
      ],
    }
  } finally {
    await server.close()
  }
}
