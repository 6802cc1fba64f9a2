import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { BrowserContext, Page } from 'playwright-core'
import { buildIfNeeded } from '../../../src/server/build-if-needed'
import { startNodeServer, type RunningServer } from '../../../src/server/node'

const root = resolve(import.meta.dirname, '../../..')

/** `npm run admin -- …` as an operator types it, against this deployment's data directory. */
export async function admin(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/cli/admin.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  })
  return stdout
}

export interface FreshDeployment {
  /** The app's address by name (http://localhost:…), as staff open it. */
  url: string
  server: RunningServer
  dir: string
  dataDir: string
  /** The certification key files `init-window` wrote, per window. */
  certificationFile: (windowId: string) => string
  close: () => Promise<void>
}

/**
 * A deployment set up from nothing, as the README tells an operator: `admin init-window` for each
 * window, its public keys pasted into a copy of deployment.json, the app built with that file
 * (TSUNAGU_DEPLOYMENT pins the keys in the bundle) and served on an empty SQLite file.
 */
export async function windowFromNothing(): Promise<FreshDeployment> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-window-'))
  const dataDir = join(dir, 'data')
  const keysDir = join(dir, 'keys')
  const deployment = JSON.parse(readFileSync(join(root, 'src/shared/config/deployment.json'), 'utf8')) as { windows: Array<Record<string, unknown> & { id: string }> }
  for (const window of deployment.windows) {
    const out = await admin(['init-window', window.id, '--out', keysDir], { DATA_DIR: dataDir })
    Object.assign(window, JSON.parse(`{${out.slice(out.indexOf('"recoveryKey"'))}}`))
  }
  const deploymentPath = join(dir, 'deployment.json')
  writeFileSync(deploymentPath, JSON.stringify(deployment, null, 2))
  const distDir = join(dir, 'dist')
  const before = process.env.TSUNAGU_DEPLOYMENT
  process.env.TSUNAGU_DEPLOYMENT = deploymentPath
  let server: RunningServer
  try {
    await buildIfNeeded(root, distDir)
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir })
  } finally {
    if (before === undefined) delete process.env.TSUNAGU_DEPLOYMENT
    else process.env.TSUNAGU_DEPLOYMENT = before
  }
  return {
    // WebAuthn takes a domain as the relying party, never an IP address: staff open the app by name.
    url: server.url.replace('//127.0.0.1:', '//localhost:'),
    server,
    dir,
    dataDir,
    certificationFile: (windowId) => join(keysDir, `${windowId}-certification-key.json`),
    close: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Chromium's virtual platform authenticator (CDP), so passkeys are made and used for real. */
export async function addPasskeyDevice(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
}
