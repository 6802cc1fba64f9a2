import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { securityHeaderValues } from '../../src/server/security-headers'
import { launchChromium } from '../tools/chromium'
import { appUrl, newAppContext, waitForApp } from './helpers/app'

interface Violation {
  directive: string
  blocked: string
}

describe('CSP: 差しこまれたスクリプトは動かない', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('ページに書きこまれたインラインのスクリプト・イベント属性・ほかのオリジンのスクリプトを、ブラウザが止めて報告する', async () => {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    const response = await page.goto(appUrl('/'))
    await waitForApp(page)
    expect(response?.headers()['content-security-policy']).toBe(securityHeaderValues()['Content-Security-Policy'])

    const result = await page.evaluate(async () => {
      const seen: Violation[] = []
      document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }))
      const w = window as unknown as Record<string, unknown>
      // What an XSS would try: an inline script, an inline event handler, a script from elsewhere.
      const inline = document.createElement('script')
      inline.textContent = 'window.__injectedInline = true'
      document.body.append(inline)
      const holder = document.createElement('div')
      holder.innerHTML = '<img src="data:,not-an-image" onerror="window.__injectedHandler = true">'
      document.body.append(holder)
      const foreign = document.createElement('script')
      foreign.src = 'https://evil.example/x.js'
      document.body.append(foreign)
      await new Promise((resolve) => setTimeout(resolve, 500))
      return { seen, inline: w.__injectedInline ?? null, handler: w.__injectedHandler ?? null }
    })
    expect(result.inline).toBeNull()
    expect(result.handler).toBeNull()
    const directives = result.seen.map((v) => `${v.directive} ${v.blocked}`)
    expect(directives).toContain('script-src-elem inline')
    expect(directives).toContain('script-src-attr inline')
    expect(directives).toContain('script-src-elem https://evil.example/x.js')
    await context.close()
  })
})
