import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { Hono, type Context } from 'hono'
import { fromBase64url, toBase64url } from '../../shared/crypto/base64url'
import { inviteTokenSchema, loginBodySchema, registerBodySchema, registerOptionsBodySchema } from '../../shared/schemas/staff'
import { z } from 'zod'
import type { AppDeps } from '../deps'
import { readJson } from '../http/read-json'
import { meOf } from './me'
import { currentSession, endSession, randomToken, startSession, tokenHash } from './session'
import type { Invite } from './staff-store'
import { expectedOrigin } from './origin'

const CHALLENGE_MS = 5 * 60_000
const inviteInvalid = { error: 'errors.inviteInvalid' } as const
const signInFailed = { error: 'errors.signInFailed' } as const

function relyingParty(c: Context, deps: AppDeps) {
  const origin = expectedOrigin(c, deps)
  return { origin, rpID: new URL(origin).hostname, rpName: deps.deployment.name.ja }
}

/** Passkeys (WebAuthn, @simplewebauthn/server) for joining by invite and signing in; both runtimes. */
export function authRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())

  const liveInvite = async (c: Context, token: string): Promise<{ hash: string; invite: Invite } | null> => {
    const hash = await tokenHash(token)
    const invite = await deps.getStore(c).staff.invite(hash)
    if (!invite || invite.usedAt || Date.parse(invite.expiresAt) <= now().getTime()) return null
    return { hash, invite }
  }

  return new Hono()
    .post('/invites/info', async (c) => {
      const body = await readJson(c, z.object({ token: inviteTokenSchema }))
      if (!body.ok) return body.response
      const found = await liveInvite(c, body.data.token)
      if (!found) return c.json(inviteInvalid, 404)
      return c.json({ windowId: found.invite.windowId, role: found.invite.role, expiresAt: found.invite.expiresAt })
    })

    .post('/invites/register-options', async (c) => {
      const body = await readJson(c, registerOptionsBodySchema)
      if (!body.ok) return body.response
      const found = await liveInvite(c, body.data.token)
      if (!found) return c.json(inviteInvalid, 404)
      const { rpID, rpName } = relyingParty(c, deps)
      const options = await generateRegistrationOptions({
        rpName,
        rpID,
        userName: body.data.displayName,
        userDisplayName: body.data.displayName,
        attestationType: 'none',
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
        supportedAlgorithmIDs: [-7, -257],
      })
      await deps.getStore(c).staff.addChallenge(`register:${found.hash}`, {
        challenge: options.challenge,
        purpose: 'register',
        inviteHash: found.hash,
        expiresAt: new Date(now().getTime() + CHALLENGE_MS).toISOString(),
      })
      return c.json(options)
    })

    .post('/invites/register', async (c) => {
      const body = await readJson(c, registerBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const found = await liveInvite(c, body.data.token)
      if (!found) return c.json(inviteInvalid, 404)
      const challenge = await store.staff.takeChallenge(`register:${found.hash}`)
      if (!challenge || Date.parse(challenge.expiresAt) <= now().getTime()) return c.json(signInFailed, 400)
      const { origin, rpID } = relyingParty(c, deps)
      let verification
      try {
        verification = await verifyRegistrationResponse({
          response: body.data.response as unknown as RegistrationResponseJSON,
          expectedChallenge: challenge.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
        })
      } catch {
        return c.json(signInFailed, 400)
      }
      if (!verification.verified) return c.json(signInFailed, 400)
      const { credential } = verification.registrationInfo
      const at = now()
      const memberId = toBase64url(crypto.getRandomValues(new Uint8Array(16)))
      const joined = await store.staff.join({
        memberId,
        displayName: body.data.displayName,
        inviteHash: found.hash,
        invite: found.invite,
        passkey: { credentialId: credential.id, memberId, publicKey: toBase64url(credential.publicKey), counter: credential.counter, transports: credential.transports ?? [] },
        at: at.toISOString(),
      })
      if (!joined) return c.json(inviteInvalid, 404)
      await store.audit.add({ at: at.toISOString(), memberId, windowId: found.invite.windowId, action: 'member.joined', target: found.invite.role })
      await startSession(c, store, memberId, at)
      return c.json(await meOf(store, memberId), 201)
    })

    .post('/login/options', async (c) => {
      const { rpID } = relyingParty(c, deps)
      const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred', allowCredentials: [] })
      const challengeId = randomToken()
      await deps.getStore(c).staff.addChallenge(challengeId, {
        challenge: options.challenge,
        purpose: 'login',
        inviteHash: null,
        expiresAt: new Date(now().getTime() + CHALLENGE_MS).toISOString(),
      })
      return c.json({ challengeId, options })
    })

    .post('/login', async (c) => {
      const body = await readJson(c, loginBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const challenge = await store.staff.takeChallenge(body.data.challengeId)
      if (!challenge || challenge.purpose !== 'login' || Date.parse(challenge.expiresAt) <= now().getTime()) return c.json(signInFailed, 401)
      const passkey = await store.staff.passkey(body.data.response.id)
      const member = passkey ? await store.staff.member(passkey.memberId) : null
      if (!passkey || passkey.revoked || !member || member.revokedAt) return c.json(signInFailed, 401)
      const { origin, rpID } = relyingParty(c, deps)
      let verification
      try {
        verification = await verifyAuthenticationResponse({
          response: body.data.response as unknown as AuthenticationResponseJSON,
          expectedChallenge: challenge.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: {
            id: passkey.credentialId,
            publicKey: fromBase64url(passkey.publicKey),
            counter: passkey.counter,
            transports: passkey.transports as AuthenticatorTransportFuture[],
          },
          requireUserVerification: false,
        })
      } catch {
        return c.json(signInFailed, 401)
      }
      if (!verification.verified) return c.json(signInFailed, 401)
      const at = now()
      await store.staff.updateCounter(passkey.credentialId, verification.authenticationInfo.newCounter)
      await store.audit.add({ at: at.toISOString(), memberId: member.id, windowId: null, action: 'member.signedIn' })
      await startSession(c, store, member.id, at)
      return c.json(await meOf(store, member.id))
    })

    // The staff pages ask this first: signed out is an answer, not an error (no 401 in the console).
    .get('/session', async (c) => {
      const store = deps.getStore(c)
      const memberId = await currentSession(c, store, now())
      const member = memberId ? await store.staff.member(memberId) : null
      return c.json({ me: member && !member.revokedAt ? await meOf(store, member.id) : null })
    })

    .post('/logout', async (c) => {
      await endSession(c, deps.getStore(c))
      return c.body(null, 204)
    })
}
