import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { inject } from 'vitest'
import type { Language } from '../../../src/lib/languages'
import { LANGUAGE_STORAGE_KEY } from '../../../src/shared/language-paths'

export function baseUrl(): string {
  return inject('baseUrl')
}

export function appUrl(path: string): string {
  return new URL(path, baseUrl()).href
}

/** A phone-first context in Japan; callers override what they test (viewport, time zone, …). */
export function newAppContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 360, height: 640 }, ...options })
}

/** Chooses the language the way the switcher stores it, before any page script runs. */
export async function useLanguage(context: BrowserContext, language: Language): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key, value)
      } catch {
        // about:blank and other opaque origins have no storage.
      }
    },
    [LANGUAGE_STORAGE_KEY, language] as const,
  )
}

/** Opens a path and waits until React has rendered the page's heading. */
export async function openPage(page: Page, path: string): Promise<string> {
  await page.goto(appUrl(path))
  const heading = page.locator('main h1')
  await heading.waitFor({ state: 'visible' })
  await waitForApp(page)
  return (await heading.textContent())?.trim() ?? ''
}

/**
 * Pre-rendered pages show their heading before any script runs: wait until React has rendered or
 * hydrated it (React marks the elements it manages), so clicks and keys reach the app.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const heading = document.querySelector('main h1')
    return !!heading && Object.keys(heading).some((key) => key.startsWith('__reactFiber$'))
  })
}

/** Waits until a service worker is active and controls this page (workbox `clientsClaim: true`). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
    polling: 100,
    // Installing precaches the whole app: give a slow shared machine room.
    timeout: 90_000,
  })
}
