import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { startNodeServer } from '../../src/server/node'
import { exportPrivateKeyJwk } from '../../src/shared/crypto/window-keys'
import { startFakeTileOrigin } from '../helpers/fake-tile-origin'
import { certifiedStaffKey, persistedTestDeployment, type TestKeysJson } from '../helpers/test-deployment'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The test deployment the app was built with (TSUNAGU_DEPLOYMENT), for a test that starts its own server. */
    deploymentPath: string
    /** Per window: the recovery and certification private keys pinned in the build, and the staff key served. */
    testKeys: TestKeysJson
    staffKeys: Record<string, JsonWebKey>
    /** The fake tile server the app's /tiles proxy fetches from; GET /__received lists what it was asked. */
    tileOrigin: string
  }
}

/**
 * Builds the app with a test deployment (its recovery and certification keys pinned, private
 * halves kept in node_modules/.cache so the build stays valid between runs) and serves it, with a
 * throwaway data directory, on a free port. Each window gets a staff key certified as an
 * administrator would; tests get its private half to read what the form sealed.
 */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  const distDir = join(root, 'dist')
  const cache = join(root, 'node_modules', '.cache', 'tsunagu-test')
  const deploymentPath = join(cache, 'deployment.json')
  const test = await persistedTestDeployment(join(cache, 'keys.json'), deploymentPath)
  const before = process.env.TSUNAGU_DEPLOYMENT
  process.env.TSUNAGU_DEPLOYMENT = deploymentPath
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-browser-'))
  const tiles = await startFakeTileOrigin()
  let server
  try {
    await buildIfNeeded(root, distDir)
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, TILE_SOURCE: tiles.source })
  } finally {
    if (before === undefined) delete process.env.TSUNAGU_DEPLOYMENT
    else process.env.TSUNAGU_DEPLOYMENT = before
  }
  const staffKeys: Record<string, JsonWebKey> = {}
  for (const window of test.deployment.windows) {
    const { pair, key } = await certifiedStaffKey(test.keys.get(window.id)!.certification, window.id)
    await server.store.addWindowKey(key)
    staffKeys[window.id] = await exportPrivateKeyJwk(pair.privateKey)
  }
  project.provide('baseUrl', server.url)
  project.provide('deploymentPath', deploymentPath)
  project.provide('testKeys', test.json)
  project.provide('staffKeys', staffKeys)
  project.provide('tileOrigin', tiles.origin)
  return async () => {
    await server.close()
    await tiles.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
