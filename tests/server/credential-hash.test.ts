import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestNodeServer } from './helpers/node-server'
import { postJson, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'

const root = mkdtempSync(join(tmpdir(), 'tsunagu-credentials-'))
const dataDir = join(root, 'data')
const secretFile = join(root, 'secrets', 'credential-secret')
afterAll(() => rmSync(root, { recursive: true, force: true }))

const keyed = (secret: string, label: string, value: string) => createHmac('sha256', secret).update(`tsunagu-${label}|${value}`).digest('base64url')

async function withServer<T>(env: Record<string, string>, run: (target: ApiTarget, server: Awaited<ReturnType<typeof startTestNodeServer>>) => Promise<T>) {
  const server = await startTestNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(root, 'no-dist'), SLOT_WEEKS: 0, ...env })
  try {
    return await run({ fetch: (path, init) => fetch(`${server.url}${path}`, init) }, server)
  } finally {
    await server.close()
  }
}

describe('受付番号から出す値は、データベースの外の秘密で鍵付きハッシュにしてしまう', () => {
  it('データベースには HMAC だけ。再起動しても照会でき、秘密のファイルは 0600 で DATA_DIR の外', async () => {
    const booking = await makeBooking({ nickname: '鍵の外' })
    const secret = await withServer({ CREDENTIAL_SECRET_FILE: secretFile }, async (target, server) => {
      expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
      const { readFileSync } = await import('node:fs')
      const value = readFileSync(secretFile, 'utf8').trim()
      expect(await server.store.findByLookup(booking.credentials.lookupId)).toBeNull()
      const row = await server.store.findByLookup(keyed(value, 'lookup', booking.credentials.lookupId))
      expect(row?.authHash).toBe(keyed(value, 'auth', booking.body.authHash))
      return value
    })
    expect(secret).toHaveLength(43)
    expect(statSync(secretFile).mode & 0o777).toBe(0o600)
    await withServer({ CREDENTIAL_SECRET_FILE: secretFile }, async (target) => {
      expect((await postJson(target, '/api/requests/lookup', booking.credentials)).status).toBe(200)
      expect((await postJson(target, '/api/requests/lookup', { ...booking.credentials, authKey: 'A'.repeat(43) })).status).toBe(404)
    })

    // Rotation: the old secret is still accepted for lookups; new requests go under the new one.
    const next = 'rotated-credential-secret-'.padEnd(44, 'z')
    const later = await makeBooking()
    await withServer({ CREDENTIAL_SECRET: next, CREDENTIAL_SECRET_PREVIOUS: secret }, async (target, server) => {
      expect((await postJson(target, '/api/requests/lookup', booking.credentials)).status).toBe(200)
      expect((await postJson(target, '/api/requests', later.body)).status).toBe(201)
      expect(await server.store.findByLookup(keyed(next, 'lookup', later.credentials.lookupId))).not.toBeNull()
    })
    // Without the previous secret, what was stored under it can no longer be found.
    await withServer({ CREDENTIAL_SECRET: next }, async (target) => {
      expect((await postJson(target, '/api/requests/lookup', booking.credentials)).status).toBe(404)
      expect((await postJson(target, '/api/requests/lookup', later.credentials)).status).toBe(200)
    })
  })

  it('秘密のファイルを DATA_DIR の中に置く設定や、短すぎる秘密では起動しない', async () => {
    await expect(withServer({ CREDENTIAL_SECRET_FILE: join(dataDir, 'secret') }, async () => null)).rejects.toThrow(/outside DATA_DIR/)
    await expect(withServer({ CREDENTIAL_SECRET: 'short' }, async () => null)).rejects.toThrow(/at least 32/)
  })
})
