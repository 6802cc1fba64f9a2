import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin, type ResolvedConfig } from 'vite'
import type { RenderedPage } from '../app/render-page.tsx'
import { APP_SHELL_FILE } from '../shared/app-shell.ts'
import { HTML_LANG, LANGUAGES, type Language } from '../lib/languages.ts'
import { APP_LOADER_SCRIPT } from '../shared/app-loader-script.ts'
import { LANGUAGE_BOOT_SCRIPT } from '../shared/language-boot-script.ts'
import { HREFLANG, languagePath, splitLanguagePath } from '../shared/language-paths.ts'
import pageHtmlEn from '../locales/en/page-html.json' with { type: 'json' }
import pageHtmlEasy from '../locales/ja-easy/page-html.json' with { type: 'json' }
import pageHtmlJa from '../locales/ja/page-html.json' with { type: 'json' }

const PAGE_HTML_TEXT: Record<Language, typeof pageHtmlJa> = { ja: pageHtmlJa, 'ja-easy': pageHtmlEasy, en: pageHtmlEn }

/**
 * `/` → `index.html`, `/who-can-consult` → `who-can-consult.html`, `/en` → `en.html`,
 * `/en/who-can-consult` → `en/who-can-consult.html` (each served at the URL without `.html`).
 */
export function prerenderedFile(path: string): string {
  return path === '/' ? 'index.html' : `${path.slice(1)}.html`
}

interface ChunkInfo {
  imports: string[]
  css: string[]
}

interface Options {
  /** URLs to write as HTML. */
  pages: readonly string[]
  /** Module (from the project root) exporting `renderPage(path)`. */
  entry: string
  /** The module that starts the app, imported by the entry (src/main.tsx) once the page has painted. */
  app: string
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const FURIGANA = /\{([^|{}]+)\|([^|{}]+)\}/g
/** The text without its readings, for an attribute (as components/ruby-text.tsx's withoutRuby). */
const withoutRuby = (text: string) => text.replace(FURIGANA, '$1')
/** やさしい日本語's `{漢字|かんじ}` as <ruby>, as components/ruby-text.tsx renders it. */
const rubyHtml = (text: string) => escapeHtml(text).replace(FURIGANA, '<ruby>$1<rp>(</rp><rt>$2</rt><rp>)</rp></ruby>')

/**
 * The same page in every language, for search engines and for readers' tools; `x-default` is the
 * unprefixed URL, which a stored choice moves to the reader's language. Root-relative: the build
 * does not know the origin it will be served from.
 */
function alternates(url: string): string[] {
  const { path } = splitLanguagePath(url)
  const link = (hreflang: string, href: string) => `<link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(href)}">`
  return [...LANGUAGES.map((language) => link(HREFLANG[language], languagePath(language, path))), link('x-default', path)]
}

/**
 * Writes each public page as real HTML in each language at build time, so it paints before any script
 * runs; the app then hydrates it (src/main.tsx, src/app/start.tsx). Runs before vite-plugin-pwa
 * writes sw.js, so every page's HTML is precached. Also writes the app shell for the other pages
 * and puts the language boot script into every page (see its file).
 */
export function prerender({ pages, entry, app }: Options): Plugin {
  let config: ResolvedConfig
  let skip = true
  /** Every chunk by file name, and the chunk of each source module by its path from the root. */
  const chunks = new Map<string, ChunkInfo>()
  const chunkOfModule = new Map<string, string>()

  /** The chunk of a source module and everything it imports statically, with their CSS. */
  function assetsOf(moduleId: string): { js: string[]; css: string[] } {
    const js = new Set<string>()
    const css = new Set<string>()
    const visit = (file: string) => {
      if (js.has(file)) return
      js.add(file)
      const chunk = chunks.get(file)
      chunk?.css.forEach((c) => css.add(c))
      chunk?.imports.forEach(visit)
    }
    const file = chunkOfModule.get(moduleId)
    if (!file) throw new Error(`prerender: no chunk for ${moduleId}`)
    visit(file)
    return { js: [...js], css: [...css] }
  }

  /** The files of `modules` that the entry page does not link already. */
  function filesOf(template: string, modules: readonly string[]): { js: string[]; css: string[] } {
    const js = new Set<string>()
    const css = new Set<string>()
    for (const module of modules) {
      const assets = assetsOf(module)
      assets.js.forEach((file) => js.add(file))
      assets.css.forEach((file) => css.add(file))
    }
    const notLinked = (file: string) => !template.includes(file)
    return { js: [...js].filter(notLinked), css: [...css].filter(notLinked) }
  }

  const link = (rel: 'stylesheet' | 'modulepreload', file: string) => `<link rel="${rel}" crossorigin href="${config.base}${file}">`
  const inHead = (html: string, links: string[]) => html.replace('</head>', `${links.map((l) => `  ${l}\n`).join('')}  </head>`)

  /**
   * A page written here: its styles are in it (they must be there for the first paint), its scripts
   * are only named: the entry for the loader at the end of the body (src/shared/app-loader-script.ts)
   * to fetch once the page has painted, the page's modules for the entry (src/main.tsx) to preload.
   */
  function pageHtml(shell: string, path: string, page: RenderedPage): string {
    const entryTag = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(shell)
    if (!entryTag) throw new Error('prerender: index.html has no entry <script type="module">')
    const template = shell.replace(entryTag[0], '').replace('</body>', `  <script>${APP_LOADER_SCRIPT}</script>\n  </body>`)
    const modules = [app, page.module, ...page.namespaces.map((ns) => `src/locales/${page.language}/${ns}.json`)].filter((m): m is string => !!m)
    const { js, css } = filesOf(shell, modules)
    const modulesAttribute = js.map((file) => `${config.base}${file}`).join(' ')
    const root = `<div id="root" data-prerendered="${escapeHtml(path)}" data-modules="${modulesAttribute}" data-entry="${entryTag[1]}">${page.html}</div>`
    const withRoot = template.replace('<div id="root"></div>', root)
    if (withRoot === template) throw new Error('prerender: index.html has no empty <div id="root"></div>')
    const titled = withRoot.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    const text = PAGE_HTML_TEXT[page.language]
    const langed = titled
      .replace(/<html lang="[^"]*">/, `<html lang="${HTML_LANG[page.language]}">`)
      .replace(/<meta name="description" content="[^"]*"/, `<meta name="description" content="${escapeHtml(withoutRuby(text.description))}"`)
    // The shell's notice says nothing shows without JavaScript; this page does show, only its tools need it.
    const noticed = langed.replace(/<noscript>[^]*?<\/noscript>/, `<noscript>${rubyHtml(text.noscript.page)}</noscript>`)
    return inHead(noticed, [...alternates(path), ...css.map((file) => inlineStyle(file))])
  }

  /**
   * A stylesheet's text in the page itself: a linked one costs a round trip before the first paint
   * (issue 11, "First paint at the physical limit"). The CSP's style-src already allows inline styles
   * (React sets style attributes). The app, once started, still links the same file: same rules, after
   * the paint.
   */
  function inlineStyle(file: string): string {
    const text = readFileSync(join(resolve(config.root, config.build.outDir), file), 'utf8')
    return `<style data-href="${config.base}${file}">${text.replace(/<\/style/gi, '<\\/style')}</style>`
  }

  /** The page for everything else: nothing shows before the app runs, so link all it needs at once. */
  function shellHtml(template: string): string {
    const { js, css } = filesOf(template, [app])
    return inHead(template, [...css.map((file) => link('stylesheet', file)), ...js.map((file) => link('modulepreload', file))])
  }

  async function loadRenderer(): Promise<{ renderPage: (path: string) => Promise<RenderedPage>; cleanUp: () => void }> {
    const outDir = join(config.cacheDir, 'prerender')
    await build({
      configFile: config.configFile,
      root: config.root,
      mode: config.mode,
      logLevel: 'warn',
      build: { ssr: entry, outDir, emptyOutDir: true, copyPublicDir: false, rolldownOptions: { output: { entryFileNames: 'render-page.js' } } },
    })
    const renderer = (await import(pathToFileURL(join(outDir, 'render-page.js')).href)) as { renderPage: (path: string) => Promise<RenderedPage> }
    return { renderPage: renderer.renderPage, cleanUp: () => rmSync(outDir, { recursive: true, force: true }) }
  }

  return {
    name: 'tsunagu:prerender',
    configResolved(resolved) {
      config = resolved
      skip = resolved.command !== 'build' || Boolean(resolved.build.ssr)
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'script', children: LANGUAGE_BOOT_SCRIPT, injectTo: 'head-prepend' },
        { tag: 'noscript', children: escapeHtml(pageHtmlJa.noscript.shell), injectTo: 'body' },
      ],
    },
    generateBundle(_options, bundle) {
      if (skip) return
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        chunks.set(output.fileName, { imports: output.imports, css: [...(output.viteMetadata?.importedCss ?? [])] })
        // A module grouped into a bigger chunk (vite.config.ts codeSplitting) is found by its members.
        for (const id of output.moduleIds) {
          const source = relative(config.root, id).split('\\').join('/')
          if (output.facadeModuleId === id || !chunkOfModule.has(source)) chunkOfModule.set(source, output.fileName)
        }
      }
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (skip) return
        const outDir = resolve(config.root, config.build.outDir)
        const template = readFileSync(join(outDir, 'index.html'), 'utf8')
        writeFileSync(join(outDir, APP_SHELL_FILE), shellHtml(template))
        const { renderPage, cleanUp } = await loadRenderer()
        try {
          for (const path of pages) {
            const file = join(outDir, prerenderedFile(path))
            mkdirSync(dirname(file), { recursive: true })
            writeFileSync(file, pageHtml(template, path, await renderPage(path)))
          }
        } finally {
          cleanUp()
        }
      },
    },
  }
}
