import { prerenderToNodeStream } from 'react-dom/static'
import { StaticRouter } from 'react-router'
import { initI18n, INITIAL_NAMESPACES } from '@/lib/i18n'
import { PageTitleSink } from '@/lib/use-page-title'
import { LANGUAGE_PREFIXES, splitLanguagePath, type PathLanguage } from '@/shared/language-paths'
import { AppRoutes, routeFor } from './router'

export interface RenderedPage {
  /** The markup of #root. */
  html: string
  /** The document title the page sets. */
  title: string
  /** Source path of the route module, whose chunk and CSS the HTML must link. */
  module?: string
  /** The locale namespaces the device loads before it hydrates the page. */
  namespaces: readonly string[]
  /** The language the page is written in, named by its URL. */
  language: PathLanguage
}

/**
 * Renders one page, at its URL (`/who-can-consult`, `/en/who-can-consult`) and so in that URL's
 * language, for the build (src/build/prerender.ts). Runs in Node: nothing here may depend on the
 * device (its time, storage or language).
 */
export async function renderPage(url: string): Promise<RenderedPage> {
  const { language, path } = splitLanguagePath(url)
  await initI18n(language)
  const route = routeFor(path)
  await route.preload()
  let title = ''
  const { prelude } = await prerenderToNodeStream(
    <PageTitleSink value={(pageTitle) => (title = pageTitle)}>
      <StaticRouter basename={LANGUAGE_PREFIXES[language] || '/'} location={url}>
        <AppRoutes />
      </StaticRouter>
    </PageTitleSink>,
  )
  const chunks: Buffer[] = []
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk))
  const namespaces = [...new Set([...INITIAL_NAMESPACES, ...route.namespaces])]
  return { html: Buffer.concat(chunks).toString('utf8'), title, module: route.module, namespaces, language }
}
