import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const DIST = join(ROOT, 'dist')

/** The URLs the built service worker precaches, read from dist/sw.js. */
export function precachedUrls(distDir = DIST): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8')
  // workbox-build injects the manifest as JSON: {"revision":"…","url":"index.html"}
  return [...new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] as string))]
}

export interface LocaleFile {
  language: string
  namespace: string
  strings: string[]
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(leaves)
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves)
  return []
}

export function localeFiles(): LocaleFile[] {
  const dir = join(ROOT, 'src/locales')
  return readdirSync(dir).flatMap((language) =>
    readdirSync(join(dir, language))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        language,
        namespace: file.slice(0, -'.json'.length),
        strings: leaves(JSON.parse(readFileSync(join(dir, language, file), 'utf8'))),
      })),
  )
}

/** A string of the file that a bundler copies verbatim (no quotes, backslashes or template syntax). */
export function verbatimString(file: LocaleFile): string | undefined {
  return file.strings.filter((s) => !/[\\`$'"\n]/.test(s)).sort((a, b) => b.length - a.length)[0]
}

/**
 * The chunk that `import.meta.glob` in lib/i18n.ts loads for a locale file, read from the map the
 * bundler writes into the entry chunk ("../locales/en/common.json": () => import("./common-….js")).
 */
export function chunkOf(file: LocaleFile, builtJs: ReadonlyMap<string, string>): string | undefined {
  const key = `"../locales/${file.language}/${file.namespace}.json"`
  for (const text of builtJs.values()) {
    const at = text.indexOf(key)
    if (at === -1) continue
    const match = /import\(\s*[`'"]\.\/([^`'"]+)[`'"]/.exec(text.slice(at, at + 300))
    if (match) return `assets/${match[1]}`
  }
  return undefined
}
