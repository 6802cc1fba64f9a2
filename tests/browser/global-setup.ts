import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { startNodeServer } from '../../src/server/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Builds the app when stale and serves it, with a throwaway data directory, on a free port. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  const distDir = join(root, 'dist')
  await buildIfNeeded(root, distDir)
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-browser-'))
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir })
  project.provide('baseUrl', server.url)
  return async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
