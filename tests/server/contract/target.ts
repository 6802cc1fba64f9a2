/** Whatever serves the API: the app in-process on Node, or the real workerd runtime over HTTP. */
export interface ApiTarget {
  fetch(path: string, init?: RequestInit): Promise<Response>
}

export function postJson(target: ApiTarget, path: string, body: unknown, headers: Record<string, string> = {}) {
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
