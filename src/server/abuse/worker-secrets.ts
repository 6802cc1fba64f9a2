import { apiJsonResponder } from '../security-headers'

/** At least this many characters: `openssl rand -base64 32` gives 44. */
export const MIN_SECRET_LENGTH = 32

/** The secrets a Workers deployment must have; the names of those missing or too short. */
export function missingSecrets(env: Record<string, unknown>, names: readonly string[]): string[] {
  return names.filter((name) => {
    const value = env[name]
    return typeof value !== 'string' || value.length < MIN_SECRET_LENGTH
  })
}

let warned = false
const answer = apiJsonResponder()

/**
 * Workers have no start-up to refuse, so the API refuses instead, with a clear log line (names only)
 * and a key the app can show, rather than limiting with an empty salt that anyone could reverse.
 */
export function misconfigured(missing: readonly string[]): Response {
  if (!warned) {
    warned = true
    console.error(`[tsunagu] refusing API requests: set ${missing.join(', ')} (wrangler secret put NAME; locally in .dev.vars), at least ${MIN_SECRET_LENGTH} characters`)
  }
  return answer(JSON.stringify({ error: 'errors.misconfigured' }), 503)
}
