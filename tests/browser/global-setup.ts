import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { loadDeployment, startNodeServer } from '../../src/server/node'
import { generateRecipientKeyPair } from '../../src/shared/crypto/window-keys'
import { startFakeTileOrigin } from '../helpers/fake-tile-origin'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The fake tile server the app's /tiles proxy fetches from; GET /__received lists what it was asked. */
    tileOrigin: string
  }
}

/** Builds the app when stale and serves it, with a throwaway data directory, on a free port. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  const distDir = join(root, 'dist')
  await buildIfNeeded(root, distDir)
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-browser-'))
  const tiles = await startFakeTileOrigin()
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, TILE_SOURCE: tiles.source })
  // A staff key per window, so bookings made in the browser are sealed for real (the private halves are dropped).
  for (const window of loadDeployment().windows) {
    const key = await generateRecipientKeyPair()
    await server.store.addWindowKey({ keyId: key.keyId, windowId: window.id, kind: 'staff', publicKey: key.publicKey, fingerprint: key.fingerprint, createdAt: new Date().toISOString() })
  }
  project.provide('baseUrl', server.url)
  project.provide('tileOrigin', tiles.origin)
  return async () => {
    await server.close()
    await tiles.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
