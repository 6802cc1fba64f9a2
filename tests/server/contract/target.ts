import { challengeResponseSchema } from '../../../src/shared/proof-of-work/proof-schema'
import { solvePow } from '../../../src/shared/proof-of-work/solve'

/** Whatever serves the API: the app in-process on Node, or the real workerd runtime over HTTP. */
export interface ApiTarget {
  fetch(path: string, init?: RequestInit): Promise<Response>
}

/** A solved, fresh proof-of-work challenge, asked for as the given client (headers). */
export async function solvedProof(target: ApiTarget, headers: Record<string, string> = {}) {
  const response = await target.fetch('/api/requests/challenge', { method: 'POST', headers })
  if (response.status !== 200) throw new Error(`challenge: ${response.status} ${await response.text()}`)
  const { challenge } = challengeResponseSchema.parse(await response.json())
  return { challenge, solution: (await solvePow(challenge))! }
}

const takesSlot = (path: string, body: unknown): body is Record<string, unknown> =>
  path === '/api/requests' && typeof body === 'object' && body !== null && typeof (body as { slotId?: unknown }).slotId === 'string' && !('proof' in body)

/**
 * POSTs JSON as the browser does. A slot-taking booking without a `proof` field gets one solved
 * first, as the form and the outbox do; give `proof` (or `proof: undefined`) to test without it.
 */
export async function postJson(target: ApiTarget, path: string, body: unknown, headers: Record<string, string> = {}) {
  if (takesSlot(path, body)) body = { ...body, proof: await solvedProof(target, headers) }
  return target.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export interface SlotJson {
  id: string
  windowId: string
  mode: string
  start: string
  end: string
}

export async function openSlots(target: ApiTarget, windowId: string, mode: string): Promise<SlotJson[]> {
  const response = await target.fetch(`/api/windows/${windowId}/slots?mode=${mode}`)
  const json = (await response.json()) as { slots: SlotJson[] }
  return json.slots
}
