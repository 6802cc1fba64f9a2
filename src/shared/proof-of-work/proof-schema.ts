import { z } from 'zod'

/** The ALTCHA v2 key derivation every challenge uses (WebCrypto in the browser, Node and workerd). */
export const POW_ALGORITHM = 'PBKDF2/SHA-256'

const hex = (max: number) => z.string({ error: 'validation.invalid' }).regex(/^[0-9a-f]+$/, { error: 'validation.invalid' }).max(max, { error: 'validation.tooLong' })
const count = (max: number) => z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(max, { error: 'validation.invalid' })

/**
 * A challenge as the server signed it (altcha-lib v2, deterministic mode): the solver must find the
 * counter whose derived key starts with `keyPrefix`; `keySignature` lets the server check the answer
 * with one HMAC. Unknown fields are dropped, which breaks the signature: nothing can be smuggled in.
 */
export const powChallengeSchema = z.object({
  parameters: z.object({
    algorithm: z.literal(POW_ALGORITHM, { error: 'validation.invalid' }),
    nonce: hex(64),
    salt: hex(64),
    cost: count(1_000_000),
    keyLength: count(64),
    keyPrefix: hex(128),
    keySignature: hex(128).optional(),
    expiresAt: count(2 ** 40).optional(),
  }),
  signature: hex(128),
})
export type PowChallenge = z.infer<typeof powChallengeSchema>

export const powSolutionSchema = z.object({ counter: count(2 ** 32 - 1), derivedKey: hex(128) })
export type PowSolution = z.infer<typeof powSolutionSchema>

/** What a slot-taking POST /api/requests carries beside the request: a solved, unused challenge. */
export const proofSchema = z.object({ challenge: powChallengeSchema, solution: powSolutionSchema })
export type Proof = z.infer<typeof proofSchema>

/** POST /api/requests/challenge answers this. */
export const challengeResponseSchema = z.object({ challenge: powChallengeSchema })
