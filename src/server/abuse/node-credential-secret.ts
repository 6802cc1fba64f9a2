import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, isAbsolute } from 'node:path'
import { MIN_SECRET_LENGTH } from './worker-secrets'
import { credentialHasher, type CredentialHasher, type HmacSha256 } from './credential-hash'

export interface CredentialSecretEnv {
  CREDENTIAL_SECRET?: string
  /** Where the secret is kept (created with mode 0600 when missing); never inside DATA_DIR. */
  CREDENTIAL_SECRET_FILE?: string
  /** The secret before a rotation, still accepted for lookups. */
  CREDENTIAL_SECRET_PREVIOUS?: string
}

export const nodeHmacSha256: HmacSha256 = (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest())

const inside = (dir: string, path: string) => {
  const rel = relative(resolve(dir), resolve(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function readOrCreate(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(dirname(path), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600)
  console.log(`[tsunagu] created the credential secret at ${path}: keep it out of database backups, and back it up on its own`)
  return secret
}

/**
 * The keyed hash for stored credentials on Node: CREDENTIAL_SECRET, else the file CREDENTIAL_SECRET_FILE
 * (generated on first start). A file inside DATA_DIR is refused: a copy of DATA_DIR is a backup of the
 * database, and the secret must not travel with it. Returns null when neither is configured.
 */
export function nodeCredentialHasher(env: CredentialSecretEnv, dataDir: string): CredentialHasher | null {
  const current = nodeCredentialSecret(env, dataDir)
  if (!current) return null
  return credentialHasher({ current, previous: env.CREDENTIAL_SECRET_PREVIOUS }, nodeHmacSha256)
}

/** The secret itself (checked as above): the proof-of-work signing key is derived from it too. */
export function nodeCredentialSecret(env: CredentialSecretEnv, dataDir: string): string | null {
  let current = env.CREDENTIAL_SECRET
  if (!current && env.CREDENTIAL_SECRET_FILE) {
    if (inside(dataDir, env.CREDENTIAL_SECRET_FILE)) {
      throw new Error('CREDENTIAL_SECRET_FILE must be outside DATA_DIR (a copy of DATA_DIR is a database backup)')
    }
    current = readOrCreate(env.CREDENTIAL_SECRET_FILE)
  }
  if (!current) return null
  for (const [name, value] of [['CREDENTIAL_SECRET', current], ['CREDENTIAL_SECRET_PREVIOUS', env.CREDENTIAL_SECRET_PREVIOUS]] as const) {
    if (value !== undefined && value.length < MIN_SECRET_LENGTH) throw new Error(`${name} must be at least ${MIN_SECRET_LENGTH} characters`)
  }
  return current
}
