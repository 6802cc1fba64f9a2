import { createChallenge, randomInt, verifySolution } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2'
import { POW_ALGORITHM, type PowChallenge, type Proof } from '../../shared/proof-of-work/proof-schema'

/**
 * A light proof-of-work on slot-taking bookings (ALTCHA v2, deterministic mode): the server picks a
 * random counter, derives its key once and publishes half of it; the browser tries counters until
 * it finds the same key. Expected work: (1 + maxCounter / 2) / 2 key derivations of `cost` PBKDF2
 * rounds. Challenges are signed (HMAC), expire, and are accepted once (see useChallenge).
 */
export interface PowSettings {
  /** HMAC key of the challenge and of its derived key; never sent. */
  secret: string
  /** PBKDF2 rounds per attempt. */
  cost: number
  /** The hidden counter is drawn from [maxCounter / 2, maxCounter]. */
  maxCounter: number
  /** How long a challenge may be solved and used. */
  ttlMs: number
}

/**
 * Few attempts of many rounds: WebCrypto's per-call overhead then costs the browser little, so a
 * script with native PBKDF2 gains little over it (figures: tests/reliability/RESULTS.md).
 */
export const DEFAULT_POW = { cost: 10_000, maxCounter: 60, ttlMs: 5 * 60_000 } as const

/** The settings from the environment (Node env or Workers vars), defaults where unset. */
export function powSettingsOf(secret: string, env: { POW_COST?: number | string; POW_MAX_COUNTER?: number | string }): PowSettings {
  const number = (value: number | string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value))
  return { ...DEFAULT_POW, secret, cost: number(env.POW_COST, DEFAULT_POW.cost), maxCounter: number(env.POW_MAX_COUNTER, DEFAULT_POW.maxCounter) }
}

/** Signing needs two keys; both come from the one secret, labelled apart. */
const keysOf = (secret: string) => ({ challenge: `tsunagu-pow-challenge|${secret}`, key: `tsunagu-pow-key|${secret}` })

/** Challenges live in real time (not the app's test clock): altcha-lib checks expiry against Date.now(). */
export async function makeChallenge(settings: PowSettings): Promise<PowChallenge> {
  const keys = keysOf(settings.secret)
  const challenge = await createChallenge({
    algorithm: POW_ALGORITHM,
    cost: settings.cost,
    counter: randomInt(settings.maxCounter, Math.max(1, Math.floor(settings.maxCounter / 2))),
    deriveKey,
    expiresAt: Math.floor((Date.now() + settings.ttlMs) / 1000),
    hmacSignatureSecret: keys.challenge,
    hmacKeySignatureSecret: keys.key,
  })
  return challenge as PowChallenge
}

export type ProofRefusal = 'errors.proofRequired' | 'errors.proofInvalid' | 'errors.proofExpired' | 'errors.proofUsed'

/**
 * Null when the proof is good and was not used before (it is then marked used until it expires);
 * otherwise the error key. `markUsed` answers false when the signature was already recorded.
 */
export async function checkProof(
  settings: PowSettings,
  proof: Proof | undefined,
  markUsed: (signature: string, expiresAt: string) => Promise<boolean>,
): Promise<ProofRefusal | null> {
  if (!proof) return 'errors.proofRequired'
  const { challenge, solution } = proof
  const expiresAt = challenge.parameters.expiresAt
  if (expiresAt === undefined || challenge.parameters.keySignature === undefined) return 'errors.proofInvalid'
  if (expiresAt * 1000 <= Date.now()) return 'errors.proofExpired'
  const keys = keysOf(settings.secret)
  const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: keys.challenge, hmacKeySignatureSecret: keys.key })
  if (result.expired) return 'errors.proofExpired'
  if (!result.verified) return 'errors.proofInvalid'
  return (await markUsed(challenge.signature, new Date(expiresAt * 1000).toISOString())) ? null : 'errors.proofUsed'
}
