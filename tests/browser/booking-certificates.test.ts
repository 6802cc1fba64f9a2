import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { openLibsqlDriver, type LibsqlDriver } from '../../src/server/store/libsql-driver'
import { sql } from '../../src/server/store/sql-driver'
import { openEnvelope } from '../../src/shared/crypto/envelope'
import { generateCertificationKeyPair, importCertificationPrivateJwk } from '../../src/shared/crypto/staff-certificate'
import { recipientFromPrivateJwk } from '../../src/shared/crypto/window-keys'
import { envelopeSchema, type Envelope, type RecipientKey } from '../../src/shared/schemas/envelope'
import { certifiedStaffKey } from '../helpers/test-deployment'
import { launchChromium } from '../tools/chromium'
import { READ_CACHE_TTL_MS } from '../../src/server/abuse/read-cache'
import { expectNoAxeViolations, PHONE, walkBooking } from './booking-helpers'

vi.setConfig({ testTimeout: 120_000 })
const testKeys = inject('testKeys')
let browser: Browser
let server: RunningServer
let db: LibsqlDriver
let dataDir: string

/**
 * Its own server on an empty database, serving the same build (which pins the test deployment's
 * keys) but loading the SAMPLE deployment: so /api/config also publishes a recovery key the page
 * did not pin. Keys are written straight into the database, as someone with write access could.
 */
beforeAll(async () => {
  browser = await launchChromium()
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-certificates-'))
  const before = process.env.TSUNAGU_DEPLOYMENT
  delete process.env.TSUNAGU_DEPLOYMENT
  try {
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: resolve(import.meta.dirname, '../../dist') })
  } finally {
    if (before !== undefined) process.env.TSUNAGU_DEPLOYMENT = before
  }
  db = await openLibsqlDriver(dataDir)
})
afterAll(async () => {
  await browser?.close()
  db?.close()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function insertKey(key: RecipientKey & { windowId: string }, certificate: string | null) {
  await db.run(
    sql(
      'INSERT INTO window_keys (key_id, window_id, kind, public_key, fingerprint, created_at, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)',
      key.keyId, key.windowId, 'staff', key.publicKey, key.fingerprint, new Date().toISOString(), certificate,
    ),
  )
}

/**
 * A row written straight into the database bypasses the API, so the server's short read cache
 * (READ_CACHE_TTL_MS, cleared by writes through the API) serves it only once that has expired.
 */
const cacheExpired = () => new Promise((done) => setTimeout(done, READ_CACHE_TTL_MS + 200))

/** Every POST /api/requests body the page sends. */
function watchBookings(page: Page): Envelope[] {
  const sent: Envelope[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/requests') {
      sent.push(envelopeSchema.parse((JSON.parse(request.postData() ?? '{}') as { envelope: unknown }).envelope))
    }
  })
  return sent
}

const bogusIds: string[] = []

describe('データベースに書き込んだだけでは、読む人を増やせない', () => {
  it('証明書が偽・壊れている・ないの職員鍵しかなければ、/book は「まだ始まっていません」と電話番号を出し、何も送らない', async () => {
    const rogue = await generateCertificationKeyPair()
    for (const windowId of ['toshima', 'bunkyo']) {
      const forged = await certifiedStaffKey(rogue, windowId)
      await insertKey(forged.key, JSON.stringify(forged.key.certificate))
      const garbled = await certifiedStaffKey(rogue, windowId)
      await insertKey(garbled.key, '{"v":1,"issuedAt":"2026-01-01T00:00:00Z","signature":"not-a-signature"}')
      const bare = await certifiedStaffKey(rogue, windowId)
      await insertKey(bare.key, null)
      bogusIds.push(forged.key.keyId, garbled.key.keyId, bare.key.keyId)
    }
    await cacheExpired()
    // The server does publish them: the refusal is the page's own check.
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { windows: Array<{ recipients: RecipientKey[] }> }
    expect(config.windows.flatMap((w) => w.recipients.map((r) => r.keyId))).toEqual(expect.arrayContaining(bogusIds))

    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    const page = await context.newPage()
    const sent = watchBookings(page)
    await page.goto(`${server.url}/book`)
    const notice = page.getByRole('region', { name: 'ネットの予約は、まだ始まっていません' })
    await notice.waitFor()
    expect(await notice.textContent()).toContain('豊島区ひきこもり相談窓口は、まだネットの予約を受け付けていません。')
    expect(await notice.getByRole('link', { name: '03-4566-2427' }).getAttribute('href')).toBe('tel:0345662427')
    expect(await page.getByRole('button', { name: '次へ' }).count()).toBe(0)
    await expectNoAxeViolations(page, 'closed notice')
    expect(sent).toEqual([])
    await context.close()
  })

  it('管理者が証明した鍵と固定した予備鍵にだけ封をし、偽の鍵や API の出す予備鍵には封をしない（鍵の組が違うサーバーは 409 で受け取らない）', async () => {
    const keys = testKeys.toshima!
    const certification = await importCertificationPrivateJwk(keys.certification)
    const recovery = await recipientFromPrivateJwk(keys.recovery)
    const staff = await certifiedStaffKey(certification, 'toshima')
    await insertKey(staff.key, JSON.stringify(staff.key.certificate))
    await cacheExpired()

    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    const page = await context.newPage()
    const sent = watchBookings(page)
    await page.goto(`${server.url}/book`)
    await walkBooking(page, { asker: 'family', nickname: 'みけ', message: '証明書のテストです' })
    // This server loads the sample deployment, so it expects its own recovery key and no certified
    // staff key: it refuses (409 errors.recipientsChanged). The page seals again once with fresh
    // keys, to the same pinned set, and then says it could not send; nothing reaches a forged key.
    await page.getByRole('alert').filter({ hasText: 'うまく送れませんでした' }).waitFor({ timeout: 30_000 })

    expect(sent).toHaveLength(2)
    expect(sent[1]!.recipients.map((r) => r.keyId)).toEqual(sent[0]!.recipients.map((r) => r.keyId))
    const envelope = sent[0]!
    const served = (await (await fetch(`${server.url}/api/config`)).json()) as { windows: Array<{ id: string; recipients: RecipientKey[] }> }
    const servedRecovery = served.windows.find((w) => w.id === 'toshima')!.recipients.find((r) => r.kind === 'recovery')!
    expect(servedRecovery.keyId).not.toBe(recovery.keyId)
    expect(envelope.recipients.map((r) => r.keyId)).toEqual([staff.key.keyId, recovery.keyId])
    const requestId = envelope.requestId
    const bound = { requestId, windowId: 'toshima', kind: 'request' as const, messageId: requestId }
    expect(await openEnvelope(envelope, staff.pair, bound)).toMatchObject({ nickname: 'みけ', message: '証明書のテストです' })
    expect(await openEnvelope(envelope, recovery, bound)).toMatchObject({ nickname: 'みけ' })
    await context.close()
  })
})
