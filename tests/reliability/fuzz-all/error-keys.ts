import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../../..')

function files(dir: string, suffix: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
}

function collect(value: unknown, path: string[], into: Set<string>, translated: Set<string>) {
  if (value === null || typeof value !== 'object') return
  for (const [key, child] of Object.entries(value)) {
    if (/^errors\.[A-Za-z]+$/.test(key)) translated.add(key)
    if (path.at(-1) === 'errors' && /^[A-Za-z]+$/.test(key)) translated.add(`errors.${key}`)
    collect(child, [...path, key], into, translated)
  }
}

/**
 * The error keys a client can meet: those the locale files translate (public pages and staff
 * pages), and those the API documents (the server READMEs), which the pages show as their
 * generic message. A key in neither is one nobody can read.
 */
export function knownErrorKeys(): { known: Set<string>; translated: Set<string> } {
  const translated = new Set<string>()
  const known = new Set<string>()
  for (const file of [...files('src/locales', '.json'), ...files('src/features', '.json')]) collect(JSON.parse(readFileSync(file, 'utf8')), [], known, translated)
  for (const key of translated) known.add(key)
  for (const file of ['src/server/README.md', 'src/server/staff/README.md', 'README.md']) {
    for (const [key] of readFileSync(join(root, file), 'utf8').matchAll(/errors\.[A-Za-z]+/g)) known.add(key)
  }
  return { known, translated }
}
