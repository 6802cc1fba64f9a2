import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** True when there is no build yet, or a source file changed after the last one. */
export function buildIsStale(root: string, distDir: string): boolean {
  const built = join(distDir, 'index.html')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return SOURCES.some((source) => newestMtime(join(root, source)) > builtAt)
}

export async function buildIfNeeded(root: string, distDir: string): Promise<void> {
  if (!buildIsStale(root, distDir)) return
  console.log('[tsunagu] building the app (first start or sources changed)…')
  const { build } = await import('vite')
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } })
}
