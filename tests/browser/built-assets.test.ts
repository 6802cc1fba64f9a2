import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage, waitForServiceWorker } from './helpers/app'
import { DIST } from './helpers/precache'

describe('ビルドした CSS とスクリプト', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('CSS が使うデザイントークンは、使わないものを削ったあとも全部ある', () => {
    const css = readdirSync(join(DIST, 'assets'))
      .filter((file) => file.endsWith('.css'))
      .map((file) => readFileSync(join(DIST, 'assets', file), 'utf8'))
      .join('\n')
    const defined = new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]))
    const used = new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]))
    expect([...used].filter((name) => !defined.has(name))).toEqual([])
    expect(defined.size).toBeLessThan(80)
  })

  it('スクリプトのかたまり（chunk）どうしが互いを読み込まない: 循環すると、読み込みの順で値がまだない（画面のエラー）', () => {
    const assets = join(DIST, 'assets')
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'))
    const importsOf = new Map(scripts.map((file) => [file, [...readFileSync(join(assets, file), 'utf8').matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1] as string)]))
    const cycles: string[] = []
    const visit = (file: string, path: string[]) => {
      for (const next of importsOf.get(file) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '))
        else visit(next, [...path, next])
      }
    }
    for (const file of scripts) visit(file, [file])
    expect(importsOf.size).toBeGreaterThan(5)
    expect([...new Set(cycles)]).toEqual([])
  })

  it('はじめての訪問では、新しい版に切り替えるためのコード（workbox-window）を読み込まない', async () => {
    const context = await newAppContext(browser)
    const scripts: string[] = []
    context.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    const page = await context.newPage()
    await openPage(page, '/')
    await waitForServiceWorker(page)
    expect(scripts.some((path) => path.includes('workbox-window'))).toBe(false)
    expect(scripts.some((path) => path.includes('update-banner'))).toBe(false)
    await context.close()
  })

  it('職員用のコードは公開ページに届かない: ホームで読むスクリプトにも、全員の端末に入れる precache にもない', async () => {
    const staffChunks = readdirSync(join(DIST, 'assets')).filter((file) => /^staff-.*\.js$/.test(file))
    expect(staffChunks.length).toBeGreaterThan(0)
    expect(readFileSync(join(DIST, 'sw.js'), 'utf8')).not.toContain('assets/staff-')
    const context = await newAppContext(browser)
    const bodies: string[] = []
    context.on('response', async (response) => {
      if (response.request().resourceType() === 'script') bodies.push(await response.text().catch(() => ''))
    })
    const page = await context.newPage()
    await openPage(page, '/')
    await waitForServiceWorker(page)
    await page.waitForLoadState('networkidle')
    expect(bodies.length).toBeGreaterThan(0)
    // Text that exists only in the staff pages, and the passkey library.
    expect(bodies.filter((body) => body.includes('職員のサインイン') || body.includes('startRegistration'))).toEqual([])
    await context.close()
  })
})
