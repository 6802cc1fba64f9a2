import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage, waitForServiceWorker } from './helpers/app'

describe('ビルドした CSS とスクリプト', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
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
