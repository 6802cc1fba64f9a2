import { quickExitUrl } from 'virtual:shell-config'
import { installQuickExit } from './features/quick-exit/install-quick-exit'
import { WIPE_PLAN } from './features/quick-exit/wipe-plan'

// First of all, before the app is fetched: the way out works from here on (on a pre-rendered page,
// from just after its first paint, when the loader fetched this module).
installQuickExit(quickExitUrl, WIPE_PLAN)

const root = document.getElementById('root') as HTMLElement

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

// A page the build wrote (src/build/prerender.ts) was painted before this module was even fetched (its
// loader waits for the first paint, src/shared/app-loader-script.ts): fetch the app and the page's
// modules together. Elsewhere (the app shell) nothing shows until the app runs. No top-level await:
// the app's chunks import Vite's preload helper from this one, which must finish evaluating.
if (root.dataset.prerendered !== undefined) {
  markInlinedStyles()
  preloadModules(root.dataset.modules?.split(' ') ?? [])
}
void import('./app/start')
