import { startAuthentication, startRegistration } from '@simplewebauthn/browser'
import type { Me } from '@/shared/schemas/staff'
import { staffApi } from '../staff-api'

/** Joins by invite: the browser makes a passkey for this site, the server keeps its public key. */
export async function joinWithPasskey(token: string, displayName: string): Promise<Me> {
  const optionsJSON = (await staffApi.registerOptions(token, displayName)) as Parameters<typeof startRegistration>[0]['optionsJSON']
  const response = await startRegistration({ optionsJSON })
  return staffApi.register(token, displayName, response)
}

export async function signInWithPasskey(): Promise<Me> {
  const { challengeId, options } = await staffApi.loginOptions()
  const response = await startAuthentication({ optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'] })
  return staffApi.login(challengeId, response)
}
