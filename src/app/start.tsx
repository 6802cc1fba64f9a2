import '@digital-go-jp/design-tokens/dist/tokens.css'
import '@/styles/global.css'
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { rememberCampaign } from '@/lib/campaign'
import { countsMayBeWaiting } from '@/lib/count-names'
import { initI18n, INITIAL_NAMESPACES } from '@/lib/i18n'
import { readLanguage } from '@/lib/preferences'
import { App } from './app'
import { routeFor } from './router'

/**
 * Loads the text and the page's code, then hydrates the page the build wrote or renders afresh.
 * Not top-level await: page chunks import shared code from this chunk, which must finish evaluating.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root') as HTMLElement
  rememberCampaign(location.search)
  const language = readLanguage() ?? 'ja'
  await initI18n(language, INITIAL_NAMESPACES)
  // The page's code and text first, so the first render is the whole page (and hydration never suspends).
  await routeFor(location.pathname).preload()
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  )
  // The build wrote this page in Japanese (src/build/prerender.ts): reuse that HTML when the reader
  // reads Japanese. In another language, or on a page rendered here, render afresh.
  if (language === 'ja' && container.dataset.prerendered === location.pathname) {
    hydrateRoot(container, app)
  } else {
    createRoot(container).render(app)
  }
  // Counts that waited offline: the database code loads only when there is something to send.
  if (await countsMayBeWaiting()) void import('@/lib/count-outbox').then((counts) => counts.startCountSync())
}

void start()
