import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  exportCertificationPrivateJwk,
  generateCertificationKeyPair,
  importCertificationPrivateJwk,
  pinnedKeyOf,
  signStaffCertificate,
  type CertificationKeyPair,
} from '../../src/shared/crypto/staff-certificate'
import { exportPrivateKeyJwk, generateRecipientKeyPair, recipientFromPrivateJwk, type RecipientKeyPair } from '../../src/shared/crypto/window-keys'
import { deploymentSchema, type Deployment } from '../../src/shared/schemas/deployment'
import type { RecipientKey } from '../../src/shared/schemas/envelope'

/*
 * A deployment for tests: the sample deployment.json with, for every window, a recovery and a
 * certification key pair whose private halves the tests keep (what `admin init-window` makes),
 * and staff keys certified with them as an administrator would.
 */
const SAMPLE = join(import.meta.dirname, '../../src/shared/config/deployment.json')

export interface WindowTestKeys {
  recovery: RecipientKeyPair
  certification: CertificationKeyPair
}

/** The private halves as JSON: what a test file gets through `inject` or keeps on disk. */
export type TestKeysJson = Record<string, { recovery: JsonWebKey; certification: JsonWebKey }>

export interface TestDeployment {
  deployment: Deployment
  keys: Map<string, WindowTestKeys>
}

function sample(): Deployment {
  return deploymentSchema.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')))
}

function pinned(base: Deployment, keys: Map<string, WindowTestKeys>): Deployment {
  return {
    ...base,
    windows: base.windows.map((w) => {
      const k = keys.get(w.id)
      return k ? { ...w, recoveryKey: pinnedKeyOf(k.recovery), certificationKey: pinnedKeyOf(k.certification) } : w
    }),
  }
}

/** Fresh keys for every window of the sample deployment. */
export async function makeTestDeployment(): Promise<TestDeployment> {
  const base = sample()
  const keys = new Map<string, WindowTestKeys>()
  for (const w of base.windows) {
    const [recovery, certification] = await Promise.all([
      generateRecipientKeyPair({ extractable: true }),
      generateCertificationKeyPair({ extractable: true }),
    ])
    keys.set(w.id, { recovery, certification })
  }
  return { deployment: pinned(base, keys), keys }
}

export async function testKeysJson(test: TestDeployment): Promise<TestKeysJson> {
  const out: TestKeysJson = {}
  for (const [id, k] of test.keys) {
    out[id] = { recovery: await exportPrivateKeyJwk(k.recovery.privateKey), certification: await exportCertificationPrivateJwk(k.certification.privateKey) }
  }
  return out
}

/** The keys back from JSON (extractable, so they can be handed on again). */
export async function testKeysFromJson(json: TestKeysJson): Promise<Map<string, WindowTestKeys>> {
  const keys = new Map<string, WindowTestKeys>()
  for (const [id, k] of Object.entries(json)) {
    keys.set(id, {
      recovery: await recipientFromPrivateJwk(k.recovery, { extractable: true }),
      certification: await importCertificationPrivateJwk(k.certification, { extractable: true }),
    })
  }
  return keys
}

/**
 * Keeps the test keys in `keysFile` across runs (so the built bundle, which pins them, stays
 * valid) and writes the pinned deployment to `deploymentFile` when its content changed.
 */
export async function persistedTestDeployment(keysFile: string, deploymentFile: string): Promise<TestDeployment & { json: TestKeysJson }> {
  let keys: Map<string, WindowTestKeys> | null = null
  if (existsSync(keysFile)) {
    keys = await testKeysFromJson(JSON.parse(readFileSync(keysFile, 'utf8')) as TestKeysJson).catch(() => null)
    if (keys && sample().windows.some((w) => !keys?.has(w.id))) keys = null
  }
  const test = keys ? { deployment: pinned(sample(), keys), keys } : await makeTestDeployment()
  const json = await testKeysJson(test)
  mkdirSync(dirname(keysFile), { recursive: true })
  mkdirSync(dirname(deploymentFile), { recursive: true })
  writeIfChanged(keysFile, `${JSON.stringify(json)}\n`)
  writeIfChanged(deploymentFile, `${JSON.stringify(test.deployment, null, 2)}\n`)
  return { ...test, json }
}

function writeIfChanged(path: string, content: string) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== content) writeFileSync(path, content, { mode: 0o600 })
}

/** A new staff key pair (extractable, for tests) and its row as /api/config serves it, certified for the window. */
export async function certifiedStaffKey(certification: CertificationKeyPair, windowId: string) {
  const pair = await generateRecipientKeyPair({ extractable: true })
  const certificate = await signStaffCertificate(certification.privateKey, { windowId, keyId: pair.keyId, publicKey: pair.publicKey })
  const key: RecipientKey & { windowId: string; createdAt: string } = {
    keyId: pair.keyId,
    windowId,
    kind: 'staff',
    publicKey: pair.publicKey,
    fingerprint: pair.fingerprint,
    certificate,
    createdAt: new Date().toISOString(),
  }
  return { pair, key }
}

/**
 * What a build with this deployment would pin, put into the client's bundled deployment object
 * (jsdom tests import src/lib/deployment.ts, which the sample deployment fills). Returns the undo.
 */
export function pinInto(client: Deployment, test: Deployment): () => void {
  const before = client.windows.map((w) => ({ recoveryKey: w.recoveryKey, certificationKey: w.certificationKey }))
  for (const w of client.windows) {
    const t = test.windows.find((x) => x.id === w.id)
    w.recoveryKey = t?.recoveryKey ?? null
    w.certificationKey = t?.certificationKey ?? null
  }
  return () => client.windows.forEach((w, i) => Object.assign(w, before[i]))
}
