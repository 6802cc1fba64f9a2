import type { Context } from 'hono'
import { toBase64url } from '../http/hash'

/** HMAC-SHA-256 of `data` under `key`; WebCrypto by default, Node passes its faster synchronous one. */
export type HmacSha256 = (key: Uint8Array, data: string) => Promise<Uint8Array> | Uint8Array

const encoder = new TextEncoder()

const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>()

/** Imports each key once: the hasher keeps its key bytes for its lifetime. */
export const webHmacSha256: HmacSha256 = async (key, data) => {
  let cryptoKey = imported.get(key)
  if (!cryptoKey) {
    cryptoKey = crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    imported.set(key, cryptoKey)
  }
  return new Uint8Array(await crypto.subtle.sign('HMAC', await cryptoKey, encoder.encode(data)))
}

export interface CredentialCandidate {
  /** The lookup id as stored under one secret. */
  lookupId: string
  /** The auth hash as it would be stored under the same secret. */
  authHash: (authHash: string) => Promise<string>
}

/**
 * What the database holds instead of the receipt's lookup id and auth hash: HMAC-SHA-256 under a
 * secret kept outside the database and its backups (CREDENTIAL_SECRET). A stolen database then
 * cannot test a single receipt guess without the secret. Rotation: new requests are stored under
 * the current secret; lookups also try the previous one, which can be dropped once every request
 * stored under it has passed its retention (180 days after its last activity).
 */
export interface CredentialHasher {
  stored(lookupId: string, authHash: string): Promise<{ lookupId: string; authHash: string }>
  /** The current secret first, then the previous one if set. */
  candidates(lookupId: string): Promise<CredentialCandidate[]>
}

export function credentialHasher(secrets: { current: string; previous?: string }, hmac: HmacSha256 = webHmacSha256): CredentialHasher {
  const keys = [secrets.current, secrets.previous].filter((s): s is string => Boolean(s)).map((s) => encoder.encode(s))
  const keyed = async (key: Uint8Array, label: string, value: string) => toBase64url(await hmac(key, `tsunagu-${label}|${value}`))
  return {
    async stored(lookupId, authHash) {
      const key = keys[0]!
      return { lookupId: await keyed(key, 'lookup', lookupId), authHash: await keyed(key, 'auth', authHash) }
    },
    async candidates(lookupId) {
      return Promise.all(
        keys.map(async (key) => ({ lookupId: await keyed(key, 'lookup', lookupId), authHash: (authHash: string) => keyed(key, 'auth', authHash) })),
      )
    },
  }
}

/** For embedding callers that give no secret (tests, bench): random per process, never an unkeyed hash. */
export const ephemeralCredentialHasher = () => credentialHasher({ current: toBase64url(crypto.getRandomValues(new Uint8Array(32))) })

const fallbacks = new WeakMap<object, CredentialHasher>()

/**
 * The hasher of an app: its configured one, else one random secret per app (tests and bench), made
 * on first use (Workers allow no random values at global scope) and shared by every route that
 * stores or checks receipts, so a request made by staff is found by the person's lookup.
 */
export function credentialsOf(deps: { credentials?: CredentialHasher | ((c: Context) => CredentialHasher) }, c: Context): CredentialHasher {
  if (typeof deps.credentials === 'function') return deps.credentials(c)
  if (deps.credentials) return deps.credentials
  let fallback = fallbacks.get(deps)
  if (!fallback) fallbacks.set(deps, (fallback = ephemeralCredentialHasher()))
  return fallback
}
