import type { Browser } from 'playwright-core'

/**
 * The page as the server sends it (read with JavaScript off, so nothing the app adds later is in it),
 * as plain HTML: same markup and text (the readings of やさしい日本語 included), with every script
 * and module preload removed. With `bare`, also every style (inline, linked, attributes): the "bare
 * text" baseline of issue 11; without, the "same CSS, no JavaScript" copy. The head's links that no
 * browser waits for before painting (icons, manifest, alternates) stay: Chromium fetches the icon and
 * the manifest around the load event, and Lighthouse's simulation counts whatever ended before the
 * observed paint, so on a busy machine a copy without them would be spared requests the page is not.
 */
export async function renderStaticCopy(browser: Browser, url: string, bare = false): Promise<string> {
  const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: false, viewport: { width: 360, height: 640 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    await page.locator('main h1').first().waitFor()
    const html = await page.evaluate((withoutStyles) => {
      const root = document.documentElement.cloneNode(true) as HTMLElement
      root.querySelectorAll('script, noscript, link[rel="modulepreload"]').forEach((node) => node.remove())
      if (withoutStyles) {
        root.querySelectorAll('style, link[rel="stylesheet"]').forEach((node) => node.remove())
        root.querySelectorAll('[style]').forEach((node) => node.removeAttribute('style'))
      }
      return root.outerHTML
    }, bare)
    return `<!doctype html>\n${html}`
  } finally {
    await context.close()
  }
}

/**
 * What a person sees as text, to check that the static copy says the same as the app. Live lines
 * (`role="status"`) are left out on both sides: the phone line says "open now" or when it opens next
 * once the device knows the time, where the HTML, written at build time, gives the hours.
 */
export async function visibleText(browser: Browser, url: string, javaScript: boolean): Promise<string> {
  const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: javaScript, viewport: { width: 360, height: 640 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.locator('main h1').first().waitFor()
    await page.evaluate(() => document.querySelectorAll('[role="status"]').forEach((node) => node.replaceChildren()))
    return (await page.locator('body').innerText()).replace(/\s+/g, ' ').trim()
  } finally {
    await context.close()
  }
}
