import { quickExitUrl } from 'virtual:shell-config'
import { installQuickExit } from './features/quick-exit/install-quick-exit'
import { WIPE_PLAN } from './features/quick-exit/wipe-plan'

// First of all, before the app is fetched: the way out must work as soon as the page can be read.
installQuickExit(quickExitUrl, WIPE_PLAN)

const root = document.getElementById('root') as HTMLElement

/** Resolves once the browser has painted the next frame; a hidden tab paints nothing, so at once. */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve()
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
}

function preloadModules(hrefs: readonly string[]): void {
  for (const href of hrefs) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    document.head.append(link)
  }
}

/**
 * The build put the page's CSS inside it (`<style data-href>`). Vite's module loader fetches a chunk's
 * CSS unless a stylesheet link with its address is in the page: add one, disabled, which browsers
 * never fetch, so the same rules are not downloaded a second time.
 */
function markInlinedStyles(): void {
  for (const style of document.querySelectorAll<HTMLStyleElement>('style[data-href]')) {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.disabled = true
    link.href = style.dataset.href as string
    document.head.append(link)
  }
}

// A page the build wrote (src/build/prerender.ts) is readable before any script runs: let the
// browser paint it before it downloads and compiles the app, then fetch the app and the page's
// modules together. Elsewhere nothing shows until the app runs, so it starts at once. No top-level
// await: the app's chunks import Vite's preload helper from this one, which must finish evaluating.
const painted = root.dataset.prerendered === undefined ? Promise.resolve() : afterNextPaint()
void painted.then(() => {
  markInlinedStyles()
  preloadModules(root.dataset.modules?.split(' ') ?? [])
  return import('./app/start')
})
