import type { Context } from 'hono'
import type { Deployment } from '../shared/schemas/deployment'
import type { CredentialHasher } from './abuse/credential-hash'
import type { PowSettings } from './abuse/proof-of-work'
import type { Sha256 } from './http/hash'
import type { NoticeDispatcher } from './notify/new-request-notice'
import type { RateLimiter } from './http/rate-limit'
import type { Store } from './store/store'

export interface AppDeps {
  deployment: Deployment
  /** The store for this request: one shared store on Node, one built from `env.DB` per request on Workers. */
  getStore: (c: Context) => Store
  /** Anonymous POST endpoints are limited when set; `null` turns limiting off (tests, bench). */
  rateLimiter?: RateLimiter | null
  now?: () => Date
  /** The origin staff pages are served from (PUBLIC_ORIGIN); unset: the request URL's origin. */
  publicOrigin?: string | ((c: Context) => string | undefined)
  /** SHA-256 for body and auth-key hashes; WebCrypto by default (Node's WebCrypto digest is slow under load). */
  sha256?: Sha256
  /** Keyed hash of stored lookup ids and auth hashes (CREDENTIAL_SECRET); unset: a random secret per process. */
  credentials?: CredentialHasher | ((c: Context) => CredentialHasher)
  /** Proof-of-work on slot-taking bookings; unset: on, with a random secret per app (tests); null: off (bench). */
  proofOfWork?: PowSettings | ((c: Context) => PowSettings) | null
  /** Requests stored per window and Tokyo day, all clients together (WINDOW_REQUESTS_PER_DAY); unset: no quota. */
  windowRequestsPerDay?: number | ((c: Context) => number) | null
  /** The optional e-mail notice of a new request (src/server/notify/); unset: no notice. */
  notifier?: (c: Context) => NoticeDispatcher | null
}
