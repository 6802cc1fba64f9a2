import '@digital-go-jp/design-tokens/dist/tokens.css'
import '@/styles/global.css'
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { rememberCampaign } from '@/lib/campaign'
import { countsMayBeWaiting } from '@/lib/count-names'
import { initI18n, INITIAL_NAMESPACES } from '@/lib/i18n'
import { splitLanguagePath } from '@/shared/language-paths'
import { App } from './app'
import { routeFor } from './router'

/**
 * Loads the text and the page's code, then hydrates the page the build wrote or renders afresh.
 * Not top-level await: page chunks import shared code from this chunk, which must finish evaluating.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root') as HTMLElement
  rememberCampaign(location.search)
  // The URL names the language (a stored choice has already moved an unprefixed URL: language-boot-script.ts).
  const { language, path } = splitLanguagePath(location.pathname)
  await initI18n(language, INITIAL_NAMESPACES)
  // The page's code and text first, so the first render is the whole page (and hydration never suspends).
  await routeFor(path).preload()
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  )
  // The build wrote this page in its language (src/build/prerender.ts): reuse that HTML. A page the
  // build did not write starts from the empty shell.
  if (container.dataset.prerendered === location.pathname) {
    hydrateRoot(container, app)
  } else {
    createRoot(container).render(app)
  }
  // Counts that waited offline: the database code loads only when there is something to send.
  if (await countsMayBeWaiting()) void import('@/lib/count-outbox').then((counts) => counts.startCountSync())
}

void start()
