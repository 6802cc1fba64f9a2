import { solveChallenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2'
import type { PowChallenge, PowSolution } from './proof-schema'

/** Brute-forces the challenge's counter with WebCrypto PBKDF2; null when it took longer than `timeoutMs`. */
export async function solvePow(challenge: PowChallenge, timeoutMs = 60_000): Promise<PowSolution | null> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: timeoutMs })
  return solution ? { counter: solution.counter, derivedKey: solution.derivedKey } : null
}
