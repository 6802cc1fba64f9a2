import type { RateLimiter } from '../../../src/server/http/rate-limit'
import type { Deployment } from '../../../src/shared/schemas/deployment'
import { startTestApp } from '../../helpers/test-app'
import type { ApiTarget } from '../contract/target'
import type { TestAppOptions } from '../../helpers/test-app'
import { testDeployment, testStaffKey } from './make-request'

/**
 * The shared test app (tests/helpers/test-app.ts) as an API target, with the test deployment (pinned
 * keys) and a certified staff key for every window.
 */
export async function startNodeApp(options: Omit<TestAppOptions, 'keys'> & { rateLimiter?: RateLimiter | null; deployment?: Deployment } = {}) {
  const deployment = options.deployment ?? (await testDeployment())
  const keys = await Promise.all(deployment.windows.map((w) => testStaffKey(w.id)))
  const test = await startTestApp({ ...options, deployment, keys })
  const target: ApiTarget = { fetch: async (path, init) => test.app.request(path, init) }
  return { ...test, target }
}
