import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../src/server/node'
import { fetchSender } from '../../src/server/notify/fetch-sender'
import { NOTICE_SUBJECT, newRequestNotice } from '../../src/server/notify/new-request-notice'
import { postJson, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startTestNodeServer } from './helpers/node-server'
import { startTinySmtp } from './helpers/tiny-smtp'

const MARKER = 'NOTICE-ひみつ-MARKER'
const root = mkdtempSync(join(tmpdir(), 'tsunagu-notice-'))
let smtp: Awaited<ReturnType<typeof startTinySmtp>>
let server: RunningServer
let target: ApiTarget

const decodeSubject = (header: string) => Buffer.from(/=\?UTF-8\?B\?([^?]+)\?=/.exec(header)?.[1] ?? '', 'base64').toString('utf8')

beforeAll(async () => {
  smtp = await startTinySmtp()
  server = await startTestNodeServer({
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(root, 'data'), DIST_DIR: join(root, 'no-dist'), SLOT_WEEKS: 0,
    CREDENTIAL_SECRET: 'notice-test-secret-0123456789abcdefghijklmn', PUBLIC_ORIGIN: 'https://soudan.example.lg.jp',
    SMTP_HOST: '127.0.0.1', SMTP_PORT: smtp.port, SMTP_SECURITY: 'none', NOTIFY_FROM: 'tsunagu@example.lg.jp', NOTIFY_TO: ['madoguchi@example.lg.jp', 'kakari@example.lg.jp'],
  })
  target = { fetch: (path, init) => fetch(`${server.url}${path}`, init) }
})
afterAll(async () => {
  await server?.close()
  await smtp?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('新しい相談のメール通知（SMTP、テストが立てた SMTP サーバーに）', () => {
  it('届くのは「新しい相談が1件あります」と /staff へのリンクだけ。ニックネーム・メッセージ・id はどこにも入らない', async () => {
    const booking = await makeBooking({ nickname: MARKER, message: `${MARKER} 部屋から出られません` })
    expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
    const [mail] = await smtp.waitFor(1)
    expect(mail!.from).toBe('tsunagu@example.lg.jp')
    expect(mail!.to).toEqual(['madoguchi@example.lg.jp', 'kakari@example.lg.jp'])
    const [head, body] = mail!.data.split('\r\n\r\n') as [string, string]
    expect(decodeSubject(head)).toBe(NOTICE_SUBJECT)
    expect(head).toMatch(/^Content-Type: text\/plain; charset=UTF-8$/m)
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).toBe('新しい相談が1件あります。\r\nhttps://soudan.example.lg.jp/staff\r\n')
    const everything = mail!.transcript.join('\n')
    for (const secret of [MARKER, booking.requestId, booking.credentials.lookupId, booking.body.lookupId, booking.body.envelope.ciphertext, 'toshima', 'phone']) {
      expect(everything.includes(secret), secret).toBe(false)
      expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').includes(secret), secret).toBe(false)
    }
  })

  it('同じ依頼の再送（冪等な 201）では二通目を送らない', async () => {
    const before = smtp.mails.length
    const booking = await makeBooking()
    expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
    await smtp.waitFor(before + 1)
    expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.mails.length).toBe(before + 1)
  })

  it('SMTP サーバーが止まっていても予約は 201 で保存され、記録にはエラーの名前しか出ない', async () => {
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')))
    await smtp.close()
    try {
      const booking = await makeBooking({ nickname: MARKER })
      expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
      expect((await postJson(target, '/api/requests/lookup', booking.credentials)).status).toBe(200)
      await expect.poll(() => errors.length).toBeGreaterThan(0)
      expect(errors.every((line) => /^\[tsunagu\] new-request notice failed: \w+$/.test(line))).toBe(true)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('Workers 用: HTTPS のフックに送る', () => {
  it('同じ文とリンクだけを JSON で、Bearer トークンつきで送る', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = []
    const sender = fetchSender({ url: 'https://hook.example.jp/mail', token: 't0ken', from: 'a@example.jp', to: ['b@example.jp'] }, async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} })
      return new Response(null, { status: 202 })
    })
    await sender.send(newRequestNotice('https://soudan.example.lg.jp'))
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('https://hook.example.jp/mail')
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer t0ken')
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ from: 'a@example.jp', to: ['b@example.jp'], subject: '新しい相談が1件あります', text: '新しい相談が1件あります。\r\nhttps://soudan.example.lg.jp/staff\r\n' })
  })
})
