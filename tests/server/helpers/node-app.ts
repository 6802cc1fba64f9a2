import type { RateLimiter } from '../../../src/server/http/rate-limit'
import type { Deployment } from '../../../src/shared/schemas/deployment'
import { startTestApp } from '../../helpers/test-app'
import type { ApiTarget } from '../contract/target'
import { testStaffKey } from './make-request'

/** The shared test app (tests/helpers/test-app.ts) as an API target, with the test staff key of toshima. */
export async function startNodeApp(options: { rateLimiter?: RateLimiter | null; deployment?: Deployment; now?: () => Date } = {}) {
  const test = await startTestApp({ ...options, keys: [await testStaffKey('toshima')] })
  const target: ApiTarget = { fetch: async (path, init) => test.app.request(path, init) }
  return { ...test, target }
}
