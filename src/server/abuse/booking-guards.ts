import type { Context } from 'hono'
import { toBase64url } from '../http/hash'
import type { AppDeps } from '../deps'
import { DEFAULT_POW, type PowSettings } from './proof-of-work'

const fallbacks = new WeakMap<object, PowSettings>()

/**
 * The proof-of-work settings of an app: its configured ones, else (tests) the defaults under one
 * random secret per app, made on first use (Workers allow no random values at global scope). Null: off.
 */
export function powOf(deps: AppDeps, c: Context): PowSettings | null {
  if (deps.proofOfWork === null) return null
  if (typeof deps.proofOfWork === 'function') return deps.proofOfWork(c)
  if (deps.proofOfWork) return deps.proofOfWork
  let fallback = fallbacks.get(deps)
  if (!fallback) fallbacks.set(deps, (fallback = { ...DEFAULT_POW, secret: toBase64url(crypto.getRandomValues(new Uint8Array(32))) }))
  return fallback
}

export function windowQuotaOf(deps: AppDeps, c: Context): number | null {
  const quota = typeof deps.windowRequestsPerDay === 'function' ? deps.windowRequestsPerDay(c) : deps.windowRequestsPerDay
  return quota && quota > 0 ? quota : null
}
