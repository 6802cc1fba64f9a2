import { solvePow } from '@/shared/proof-of-work/solve'
import { challengeResponseSchema, type Proof } from '@/shared/proof-of-work/proof-schema'
import { postJson } from './api'

export type ProofOutcome = { kind: 'ok'; proof: Proof } | { kind: 'pending' } | { kind: 'rateLimited' }

/**
 * A fresh challenge from the server, solved on this device: what a slot-taking booking must carry.
 * WebCrypto derives each key off the page's thread, so the page stays responsive while it runs;
 * loaded only when a booking with a time is sent (never on the home page). The service worker
 * (Background Sync) runs the same code.
 */
export async function solvedProof(): Promise<ProofOutcome> {
  const answer = await postJson('/api/requests/challenge', {})
  if (answer.kind === 'http' && answer.status === 429) return { kind: 'rateLimited' }
  if (answer.kind !== 'ok') return { kind: 'pending' }
  const parsed = challengeResponseSchema.safeParse(answer.body)
  if (!parsed.success) return { kind: 'pending' }
  const solution = await solvePow(parsed.data.challenge)
  return solution ? { kind: 'ok', proof: { challenge: parsed.data.challenge, solution } } : { kind: 'pending' }
}
