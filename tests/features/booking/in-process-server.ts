import { afterEach, beforeEach, vi } from 'vitest'
import { getOutboxDb } from '@/lib/db'
import { deployment as clientDeployment } from '@/lib/deployment'
import type { RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { Deployment } from '@/shared/schemas/deployment'
import { startTestApp } from '../../helpers/test-app'
import { certifiedStaffKey, makeTestDeployment, pinInto } from '../../helpers/test-deployment'

/**
 * The real API (the shared test app: Hono, SQLite file, generated slots) answering the page's fetch
 * calls in-process, so component tests exercise the true contract without a port. The deployment is
 * a test one: its recovery and certification keys are pinned into the page's bundled deployment as
 * a build would, and each window in `certified` (default: all) gets a staff key certified with them.
 */
export async function startInProcessServer(options: { certified?: string[]; serve?: (deployment: Deployment) => Deployment } = {}) {
  const test = await makeTestDeployment()
  const { deployment } = test
  const unpin = pinInto(clientDeployment, deployment)
  const staff = new Map<string, RecipientKeyPair>()
  const keys = []
  for (const window of deployment.windows) {
    if (options.certified && !options.certified.includes(window.id)) continue
    const { pair, key } = await certifiedStaffKey(test.keys.get(window.id)!.certification, window.id)
    staff.set(window.id, pair)
    keys.push(key)
  }
  // `serve` lets a test make the server publish something other than what the page pinned.
  const server = await startTestApp({ deployment: options.serve?.(deployment) ?? deployment, keys })
  const requests: string[] = []
  let online = true
  const fetchSpy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost')
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    if (!online) throw new TypeError('Failed to fetch')
    return server.app.request(url.pathname + url.search, init)
  })
  vi.stubGlobal('fetch', fetchSpy)
  return {
    store: server.store,
    findByLookup: server.findByLookup,
    staff,
    test,
    requests,
    fetchSpy,
    setOnline(value: boolean) {
      online = value
    },
    close() {
      vi.unstubAllGlobals()
      unpin()
      server.close()
    },
  }
}

export type InProcessServer = Awaited<ReturnType<typeof startInProcessServer>>

/**
 * For a test file: before each test an empty outbox and a fresh server, closed after it. The object
 * returned stands for the server of the test that is running.
 */
export function useInProcessServer(): InProcessServer {
  let current: InProcessServer | undefined
  beforeEach(async () => {
    await getOutboxDb().envelopes.clear()
    current = await startInProcessServer()
  })
  afterEach(() => current?.close())
  return new Proxy({} as InProcessServer, { get: (_, key) => Reflect.get(current!, key) })
}
