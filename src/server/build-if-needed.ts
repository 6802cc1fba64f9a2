import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DEPLOYMENT_STAMP, deploymentDigest, deploymentFile } from './deployment-file'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

function builtDeployment(distDir: string): string | null {
  const stamp = join(distDir, DEPLOYMENT_STAMP)
  return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null
}

/**
 * True when there is no build yet, a source file changed after the last one, or the build pinned
 * another deployment file (TSUNAGU_DEPLOYMENT, see src/build/deployment-file.ts) than the one now chosen.
 */
export function buildIsStale(root: string, distDir: string): boolean {
  const built = join(distDir, 'index.html')
  if (!existsSync(built)) return true
  if (builtDeployment(distDir) !== deploymentDigest(deploymentFile())) return true
  const builtAt = statSync(built).mtimeMs
  return SOURCES.some((source) => newestMtime(join(root, source)) > builtAt)
}

/**
 * Builds in a child process with NODE_ENV=production: inside a test runner NODE_ENV is "test",
 * which would otherwise give React's development build and an unminified service worker.
 */
export async function buildIfNeeded(root: string, distDir: string): Promise<void> {
  if (!buildIsStale(root, distDir)) return
  console.log('[tsunagu] building the app (first start or sources changed)…')
  const viteBin = join(dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')), 'bin/vite.js')
  const result = spawnSync(process.execPath, [viteBin, 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSUNAGU_DEPLOYMENT: deploymentFile(), NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  })
  if (result.status !== 0) throw new Error('The app build failed; see the output above.')
}
