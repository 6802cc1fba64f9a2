import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin, type ResolvedConfig } from 'vite'
import type { RenderedPage } from '../app/render-page.tsx'
import { LANGUAGE_BOOT_SCRIPT } from '../shared/language-boot-script.ts'

/** The page shell for URLs that are not pre-rendered; servers and the service worker fall back to it. */
export const APP_SHELL_FILE = 'app-shell.html'

/** `/` → `index.html`, `/who-can-consult` → `who-can-consult.html` (served at the URL without `.html`). */
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
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Writes each public page as real HTML in Japanese at build time, so it paints before any script
 * runs; the app then hydrates it (src/main.tsx). Runs before vite-plugin-pwa writes sw.js, so every
 * page's HTML is precached. Also puts the language boot script into every page (see its file).
 */
export function prerender({ pages, entry }: Options): Plugin {
  let config: ResolvedConfig
  let skip = true
  /** Every chunk by file name, and the chunk of each entry module by its source path. */
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

  function pageHtml(template: string, path: string, page: RenderedPage): string {
    const modules = [page.module, ...page.namespaces.map((ns) => `src/locales/ja/${ns}.json`)].filter((m): m is string => !!m)
    const js = new Set<string>()
    const css = new Set<string>()
    for (const module of modules) {
      const assets = assetsOf(module)
      assets.js.forEach((file) => js.add(file))
      assets.css.forEach((file) => css.add(file))
    }
    const base = config.base
    // The entry's own files are linked already; add the page's chunk, its text and its styles.
    const links = [
      ...[...css].filter((file) => !template.includes(file)).map((file) => `<link rel="stylesheet" crossorigin href="${base}${file}">`),
      ...[...js].filter((file) => !template.includes(file)).map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
    ]
    const withRoot = template.replace('<div id="root"></div>', `<div id="root" data-prerendered="${escapeHtml(path)}">${page.html}</div>`)
    if (withRoot === template) throw new Error('prerender: index.html has no empty <div id="root"></div>')
    return withRoot
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
      .replace('</head>', `${links.map((link) => `  ${link}\n`).join('')}  </head>`)
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
      handler: () => [{ tag: 'script', children: LANGUAGE_BOOT_SCRIPT, injectTo: 'head-prepend' }],
    },
    generateBundle(_options, bundle) {
      if (skip) return
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        chunks.set(output.fileName, { imports: output.imports, css: [...(output.viteMetadata?.importedCss ?? [])] })
        if (output.facadeModuleId) chunkOfModule.set(relative(config.root, output.facadeModuleId).split('\\').join('/'), output.fileName)
      }
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (skip) return
        const outDir = resolve(config.root, config.build.outDir)
        const template = readFileSync(join(outDir, 'index.html'), 'utf8')
        writeFileSync(join(outDir, APP_SHELL_FILE), template)
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
