import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { createApp } from '@/server/app'
import { loadDeployment, openNodeStore } from '@/server/node'
import { ensureSlots } from '@/server/slots/ensure-slots'
import { generateRecipientKeyPair } from '@/shared/crypto/window-keys'

/**
 * The real API (Hono app, SQLite file, generated slots, a real staff key per window) answering the
 * page's fetch calls in-process, so component tests exercise the true contract without a port.
 */
export async function startInProcessServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-booking-'))
  const deployment = loadDeployment()
  const { driver, store } = await openNodeStore(dataDir)
  await ensureSlots(store, deployment, 3)
  const staff = new Map<string, Awaited<ReturnType<typeof generateRecipientKeyPair>>>()
  for (const window of deployment.windows) {
    const pair = await generateRecipientKeyPair()
    staff.set(window.id, pair)
    await store.addWindowKey({ keyId: pair.keyId, windowId: window.id, kind: 'staff', publicKey: pair.publicKey, fingerprint: pair.fingerprint, createdAt: new Date().toISOString() })
  }
  const app = createApp({ deployment, getStore: () => store, rateLimiter: null })
  const requests: string[] = []
  let online = true
  const fetchSpy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost')
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    if (!online) throw new TypeError('Failed to fetch')
    return app.request(url.pathname + url.search, init)
  })
  vi.stubGlobal('fetch', fetchSpy)
  return {
    store,
    staff,
    requests,
    fetchSpy,
    setOnline(value: boolean) {
      online = value
    },
    close() {
      vi.unstubAllGlobals()
      driver.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
