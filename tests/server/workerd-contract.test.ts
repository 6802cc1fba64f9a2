import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineApiContract } from './contract/api-contract'
import { startWorkerd } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd()
}, 90_000)
afterAll(async () => workerd?.close(), 30_000)

defineApiContract(() => workerd.target)

describe('workerd: 静的ファイル', () => {
  it('アプリの画面も同じセキュリティヘッダーで配られ、知らない画面の URL にはアプリの HTML が返る', async () => {
    const response = await workerd.target.fetch('/book?window=toshima')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>つなぐ</title>')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('set-cookie')).toBeNull()
  })
})
