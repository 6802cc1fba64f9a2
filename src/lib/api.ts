import { z } from 'zod'
import { recipientKeySchema } from '@/shared/schemas/envelope'
import { slotSchema, type Slot } from '@/shared/schemas/requests'

/** Public answers only (configuration, open slots): never a request, never a receipt. */
const PUBLIC_CACHE = 'tsunagu-public-api'

const publicWindowSchema = z.object({ id: z.string(), recipients: z.array(recipientKeySchema).default([]) })
const publicConfigSchema = z.object({ id: z.string(), windows: z.array(publicWindowSchema) })
export type PublicConfig = z.infer<typeof publicConfigSchema>

const slotsResponseSchema = z.object({ slots: z.array(slotSchema) })

export type ApiResult = { kind: 'ok'; status: number; body: unknown } | { kind: 'http'; status: number; body: unknown } | { kind: 'network' }

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}

export async function postJson(path: string, body: unknown): Promise<ApiResult> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    return { kind: 'network' }
  }
  const parsed = await readBody(response)
  return response.ok ? { kind: 'ok', status: response.status, body: parsed } : { kind: 'http', status: response.status, body: parsed }
}

/**
 * GET with a copy in the Cache API, so the form works offline with the last configuration and
 * slots seen. Quick exit deletes this cache together with the other runtime caches.
 */
async function getPublic(path: string): Promise<unknown> {
  const cache = 'caches' in globalThis ? await caches.open(PUBLIC_CACHE).catch(() => null) : null
  try {
    const response = await fetch(path, { credentials: 'omit', cache: 'no-store' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    if (cache) await cache.put(path, response.clone()).catch(() => undefined)
    return await response.json()
  } catch (error) {
    const cached = cache ? await cache.match(path).catch(() => undefined) : undefined
    if (cached) return cached.json()
    throw error
  }
}

export async function fetchPublicConfig(): Promise<PublicConfig> {
  return publicConfigSchema.parse(await getPublic('/api/config'))
}

export async function fetchSlots(windowId: string, mode: string): Promise<Slot[]> {
  const query = new URLSearchParams({ mode })
  const body = slotsResponseSchema.parse(await getPublic(`/api/windows/${encodeURIComponent(windowId)}/slots?${query}`))
  const now = Date.now()
  // A cached list may be old: never offer a time that has already begun.
  return body.slots.filter((slot) => slot.mode === mode && Date.parse(slot.start) > now)
}

/** Every open slot of a window in the next 14 days, of every mode: the window step shows what each window offers. */
export async function fetchWindowSlots(windowId: string): Promise<Slot[]> {
  const body = slotsResponseSchema.parse(await getPublic(`/api/windows/${encodeURIComponent(windowId)}/slots`))
  const now = Date.now()
  return body.slots.filter((slot) => Date.parse(slot.start) > now)
}
