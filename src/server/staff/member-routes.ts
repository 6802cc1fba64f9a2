import { Hono, type Context } from 'hono'
import { verifyStaffCertificate } from '../../shared/crypto/staff-certificate'
import { fingerprintOf, importRecipientPublicKey, keyIdOf } from '../../shared/crypto/window-keys'
import { certifyBodySchema, inviteBodySchema, registerStaffKeyBodySchema } from '../../shared/schemas/staff'
import type { AppDeps } from '../deps'
import { readJson } from '../http/read-json'
import { meOf } from './me'
import { roleIn, type StaffEnv } from './require-staff'
import { createInvite } from './invites'
import { expectedOrigin } from './origin'

const notFound = { error: 'errors.notFound' } as const
const forbidden = { error: 'errors.forbidden' } as const

/** The member's own keys, and the administrator's work: certify, revoke, invite. */
export function memberRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const windows = new Map(deps.deployment.windows.map((w) => [w.id, w]))

  /** null when the member may act as administrator of the window; else the answer to send. */
  const adminOnly = (c: Context<StaffEnv>, windowId: string) => {
    const role = roleIn(c.get('staff'), windowId)
    if (!role) return c.json(notFound, 404)
    if (role !== 'admin') return c.json(forbidden, 403)
    return null
  }

  return new Hono<StaffEnv>()
    .get('/me', async (c) => c.json(await meOf(deps.getStore(c), c.get('staff').member.id)))

    .post('/keys', async (c) => {
      const body = await readJson(c, registerStaffKeyBodySchema)
      if (!body.ok) return body.response
      const { windowId, publicKey } = body.data
      const { member } = c.get('staff')
      if (!roleIn(c.get('staff'), windowId)) return c.json(notFound, 404)
      let keyId: string
      let fingerprint: string
      try {
        keyId = await keyIdOf(publicKey)
        fingerprint = await fingerprintOf(publicKey)
        await importRecipientPublicKey(publicKey)
      } catch {
        return c.json({ error: 'errors.validation', fields: [{ path: 'publicKey', key: 'validation.invalid' }] }, 400)
      }
      const store = deps.getStore(c)
      const at = now().toISOString()
      const added = await store.staff.addKey({ keyId, windowId, memberId: member.id, publicKey, fingerprint, createdAt: at })
      const key = await store.staff.key(windowId, keyId)
      if (!key || (!added && key.memberId !== member.id)) return c.json({ error: 'errors.conflict' }, 409)
      if (added) await store.audit.add({ at, memberId: member.id, windowId, action: 'key.added', target: keyId })
      return c.json(key, added ? 201 : 200)
    })

    .get('/windows/:windowId/members', async (c) => {
      const windowId = c.req.param('windowId')
      const refused = adminOnly(c, windowId)
      if (refused) return refused
      const store = deps.getStore(c)
      const [members, keys] = await Promise.all([store.staff.windowMembers(windowId), store.staff.keysOfWindow(windowId)])
      return c.json({ members: members.map((m) => ({ ...m, keys: keys.filter((k) => k.memberId === m.id) })) })
    })

    .post('/windows/:windowId/keys/:keyId/certificate', async (c) => {
      const windowId = c.req.param('windowId')
      const refused = adminOnly(c, windowId)
      if (refused) return refused
      const body = await readJson(c, certifyBodySchema)
      if (!body.ok) return body.response
      const store = deps.getStore(c)
      const key = await store.staff.key(windowId, c.req.param('keyId'))
      if (!key || key.status === 'revoked') return c.json(notFound, 404)
      const pinned = windows.get(windowId)?.certificationKey
      const valid = pinned ? await verifyStaffCertificate(pinned, { windowId, keyId: key.keyId, publicKey: key.publicKey, certificate: body.data }) : false
      if (!valid) return c.json({ error: 'errors.badCertificate' }, 400)
      await store.staff.certify(windowId, key.keyId, body.data)
      await store.audit.add({ at: now().toISOString(), memberId: c.get('staff').member.id, windowId, action: 'key.certified', target: key.keyId })
      return c.json(await store.staff.key(windowId, key.keyId))
    })

    .post('/windows/:windowId/members/:memberId/revoke', async (c) => {
      const windowId = c.req.param('windowId')
      const refused = adminOnly(c, windowId)
      if (refused) return refused
      const store = deps.getStore(c)
      const target = c.req.param('memberId')
      // An administrator cannot lock themself out (and the window with them): another administrator revokes.
      if (target === c.get('staff').member.id) return c.json({ error: 'errors.conflict' }, 409)
      const members = await store.staff.windowMembers(windowId)
      if (!members.some((m) => m.id === target)) return c.json(notFound, 404)
      const at = now().toISOString()
      await store.staff.revokeMember(target, at)
      await store.audit.add({ at, memberId: c.get('staff').member.id, windowId, action: 'member.revoked', target })
      return c.body(null, 204)
    })

    .post('/windows/:windowId/invites', async (c) => {
      const windowId = c.req.param('windowId')
      const refused = adminOnly(c, windowId)
      if (refused) return refused
      const body = await readJson(c, inviteBodySchema)
      if (!body.ok) return body.response
      const at = now()
      const invite = await createInvite(deps.getStore(c), { windowId, role: body.data.role }, at, expectedOrigin(c, deps))
      await deps.getStore(c).audit.add({ at: at.toISOString(), memberId: c.get('staff').member.id, windowId, action: 'invite.created', target: body.data.role })
      return c.json({ url: invite.url, expiresAt: invite.expiresAt }, 201)
    })
}
