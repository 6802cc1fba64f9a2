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
})
