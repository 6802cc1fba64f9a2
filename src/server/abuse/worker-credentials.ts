import type { Context } from 'hono'
import { credentialHasher, type CredentialHasher } from './credential-hash'

/** Workers: the keyed hash under the CREDENTIAL_SECRET secret (worker.ts refuses the API without it), one per secret pair. */
export function workerCredentials(getEnv: (c: Context) => { CREDENTIAL_SECRET?: string; CREDENTIAL_SECRET_PREVIOUS?: string }) {
  let made: { key: string; hasher: CredentialHasher } | undefined
  return (c: Context): CredentialHasher => {
    const env = getEnv(c)
    const key = `${env.CREDENTIAL_SECRET}|${env.CREDENTIAL_SECRET_PREVIOUS ?? ''}`
    if (made?.key !== key) made = { key, hasher: credentialHasher({ current: env.CREDENTIAL_SECRET ?? '', previous: env.CREDENTIAL_SECRET_PREVIOUS }) }
    return made.hasher
  }
}
