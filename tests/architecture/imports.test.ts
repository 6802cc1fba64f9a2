// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const src = join(root, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** Resolves an import specifier to a path under src/, or null for packages. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return relative(src, join(src, specifier.slice(2)))
  if (specifier.startsWith('.')) return relative(src, resolve(dirname(file), specifier))
  return null
}

const imports = sourceFiles(src).flatMap((file) => {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].flatMap(
    (m) => {
      const to = target(file, (m[1] ?? m[2]) as string)
      return to ? [{ from: relative(src, file), to }] : []
    },
  )
})

const area = (path: string) => path.split('/')[0] ?? ''
const feature = (path: string) => (path.startsWith('features/') ? path.split('/')[1] : null)

describe('import boundaries (STYLE A2.1: shared → components/lib → features → app)', () => {
  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(20)
  })

  it('features never import each other', () => {
    const crossing = imports.filter((i) => feature(i.from) && feature(i.to) && feature(i.from) !== feature(i.to))
    expect(crossing).toEqual([])
  })

  it('shared imports nothing outside shared (it runs in the browser, Node and workerd)', () => {
    expect(imports.filter((i) => area(i.from) === 'shared' && area(i.to) !== 'shared')).toEqual([])
  })

  it('components and lib never import features or app', () => {
    const upward = imports.filter(
      (i) => ['components', 'lib'].includes(area(i.from)) && ['features', 'app'].includes(area(i.to)),
    )
    expect(upward).toEqual([])
  })

  it('features never import app', () => {
    expect(imports.filter((i) => area(i.from) === 'features' && area(i.to) === 'app')).toEqual([])
  })

  it('the service worker imports only lib and shared (no React, no pages)', () => {
    const fromWorker = imports.filter((i) => area(i.from) === 'service-worker' && !['service-worker', 'lib', 'shared'].includes(area(i.to)))
    expect(fromWorker).toEqual([])
  })

  it('client code never imports the server, and the server imports only shared', () => {
    const clientToServer = imports.filter((i) => area(i.from) !== 'server' && area(i.to) === 'server')
    const serverToClient = imports.filter(
      (i) => area(i.from) === 'server' && !['server', 'shared'].includes(area(i.to)),
    )
    expect({ clientToServer, serverToClient }).toEqual({ clientToServer: [], serverToClient: [] })
  })

  it('the staff side is reached only through its route: no public feature, lib or layout imports features/staff', () => {
    const wrong = imports.filter(({ from, to }) => to.startsWith('features/staff') && !from.startsWith('features/staff/') && !from.startsWith('app/routes/staff/'))
    expect(wrong).toEqual([])
  })

  it('staff sessions and keys live in features/staff, never in lib or a public feature', () => {
    const files = sourceFiles(src).map((file) => relative(src, file)).filter((file) => !file.startsWith('features/staff/') && !file.startsWith('server/') && !file.startsWith('app/routes/staff/'))
    const touching = files.filter((file) => /['"`]\/api\/staff|from\s+['"]@simplewebauthn/.test(readFileSync(join(src, file), 'utf8')))
    expect(touching).toEqual([])
  })
})
