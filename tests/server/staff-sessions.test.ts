import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createInvite } from '../../src/server/staff/invites'
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/server/staff/session'
import { signStaffCertificate } from '../../src/shared/crypto/staff-certificate'
import { generateRecipientKeyPair } from '../../src/shared/crypto/window-keys'
import { makeTestDeployment, type TestDeployment } from '../helpers/test-deployment'
import { startNodeApp } from './helpers/node-app'
import { StaffClient } from './helpers/staff-client'

const ORIGIN = 'http://localhost'
let clock = Date.parse('2026-12-07T09:00:00+09:00')
let test: TestDeployment
let node: Awaited<ReturnType<typeof startNodeApp>>

beforeAll(async () => {
  test = await makeTestDeployment()
  node = await startNodeApp({ deployment: test.deployment, now: () => new Date(clock) })
})
afterAll(() => node.close())

async function joinWindow(windowId: string, role: 'staff' | 'admin') {
  const client = await StaffClient.create(node.target, ORIGIN)
  const { token } = await createInvite(node.store, { windowId, role }, new Date(clock), ORIGIN)
  expect((await client.join(token, 'テスト')).status).toBe(201)
  return client
}

describe('職員のセッションの期限', () => {
  it('30分なにもしないと終わり、もう一度パスキーで入れる', async () => {
    const client = await joinWindow('toshima', 'staff')
    clock += SESSION_IDLE_MS - 60_000
    expect((await client.get('/api/staff/me')).status).toBe(200)
    clock += SESSION_IDLE_MS + 1_000
    expect((await client.get('/api/staff/me')).status).toBe(401)
    expect((await client.signIn()).status).toBe(200)
  })

  it('使い続けていても、8時間で終わる', async () => {
    const client = await joinWindow('toshima', 'staff')
    const end = clock + SESSION_MAX_MS
    while (clock + 20 * 60_000 < end) {
      clock += 20 * 60_000
      expect((await client.get('/api/staff/me')).status).toBe(200)
    }
    clock = end + 1_000
    expect((await client.get('/api/staff/me')).status).toBe(401)
  })

  it('招待は24時間で切れる', async () => {
    const { token } = await createInvite(node.store, { windowId: 'toshima', role: 'staff' }, new Date(clock), ORIGIN)
    clock += 24 * 60 * 60_000 + 1_000
    const late = await (await StaffClient.create(node.target, ORIGIN)).join(token, 'おそいひと')
    expect(late.status).toBe(404)
    expect(await late.json()).toEqual({ error: 'errors.inviteInvalid' })
  })
})

describe('職員の鍵の認証', () => {
  it('管理者が認証キーで署名した鍵だけが認証済みになり、/api/config に証明書つきで出る', async () => {
    const admin = await joinWindow('toshima', 'admin')
    const staff = await joinWindow('toshima', 'staff')
    const pair = await generateRecipientKeyPair()
    const added = await staff.post('/api/staff/keys', { windowId: 'toshima', publicKey: pair.publicKey })
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({ keyId: pair.keyId, status: 'pending', certificate: null })

    const certification = test.keys.get('toshima')!.certification
    const otherWindow = await signStaffCertificate(test.keys.get('bunkyo')!.certification.privateKey, { windowId: 'toshima', keyId: pair.keyId, publicKey: pair.publicKey })
    const refused = await admin.post(`/api/staff/windows/toshima/keys/${pair.keyId}/certificate`, otherWindow)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({ error: 'errors.badCertificate' })

    const certificate = await signStaffCertificate(certification.privateKey, { windowId: 'toshima', keyId: pair.keyId, publicKey: pair.publicKey })
    const certified = await admin.post(`/api/staff/windows/toshima/keys/${pair.keyId}/certificate`, certificate)
    expect(certified.status).toBe(200)
    expect(await certified.json()).toMatchObject({ status: 'certified', certificate })

    const config = (await (await node.target.fetch('/api/config')).json()) as { windows: Array<{ id: string; recipients: Array<{ keyId: string; certificate?: unknown }> }> }
    const recipients = config.windows.find((w) => w.id === 'toshima')?.recipients ?? []
    expect(recipients.find((r) => r.keyId === pair.keyId)?.certificate).toEqual(certificate)
  })

  it('職員は自分で鍵を認証できない（403）。ほかの窓口の鍵は 404', async () => {
    const staff = await joinWindow('toshima', 'staff')
    const pair = await generateRecipientKeyPair()
    await staff.post('/api/staff/keys', { windowId: 'toshima', publicKey: pair.publicKey })
    const certificate = await signStaffCertificate(test.keys.get('toshima')!.certification.privateKey, { windowId: 'toshima', keyId: pair.keyId, publicKey: pair.publicKey })
    expect((await staff.post(`/api/staff/windows/toshima/keys/${pair.keyId}/certificate`, certificate)).status).toBe(403)
    expect((await staff.post('/api/staff/keys', { windowId: 'bunkyo', publicKey: pair.publicKey })).status).toBe(404)
  })
})

describe('npm run admin', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
  const root = resolve(import.meta.dirname, '../..')
  // Each run starts tsx and the admin CLI: on a busy shared machine two of them outlasted 60 s.
  const CLI_MS = 180_000
  const run = (args: string[], dataDir: string) =>
    promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/cli/admin.ts'), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } })

  it('init-window は秘密鍵を本人だけが読めるファイルに書き、deployment.json に貼る公開鍵を出す', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-admin-'))
    dirs.push(dataDir)
    const { stdout } = await run(['init-window', 'toshima'], dataDir)
    const snippet = JSON.parse(`{${stdout.slice(stdout.indexOf('"recoveryKey"'))}}`) as { recoveryKey: { keyId: string }; certificationKey: { keyId: string } }
    const file = join(dataDir, 'window-keys', 'toshima-certification-key.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { keyId: string; privateJwk: JsonWebKey }
    expect(saved.keyId).toBe(snippet.certificationKey.keyId)
    expect(saved.privateJwk.d).toBeTruthy()
    expect(stdout).not.toContain(saved.privateJwk.d)
  }, CLI_MS)

  it('invite は一度だけ使える URL を最後の行に出し、ない役割は使い方を示して断る', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-admin-'))
    dirs.push(dataDir)
    const { stdout } = await run(['invite', '--window', 'toshima', '--role', 'admin', '--origin', 'https://soudan.example.jp'], dataDir)
    const last = stdout.trim().split('\n').at(-1) ?? ''
    expect(last).toMatch(/^https:\/\/soudan\.example\.jp\/staff\/join#[A-Za-z0-9_-]{43}$/)
    const refused = await run(['invite', '--window', 'toshima', '--role', 'boss'], dataDir).catch((error: { code: number; stderr: string }) => error)
    expect((refused as { code: number }).code).toBe(2)
  }, CLI_MS)
})
