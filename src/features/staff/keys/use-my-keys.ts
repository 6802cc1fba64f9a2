import { useEffect, useState } from 'react'
import type { RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { Me, StaffKeyView } from '@/shared/schemas/staff'
import { staffApi } from '../staff-api'
import { ensureMyKey } from './staff-key-db'

export interface WindowKey {
  windowId: string
  pair: RecipientKeyPair
  /** The server's view of this device's key: pending until an administrator certifies it. */
  view: StaffKeyView | null
}

/**
 * This device's key for each of the member's windows: made here on first need (non-extractable),
 * and its public half registered with the server, where it waits for certification.
 */
export function useMyKeys(me: Me | null | undefined): { keys: WindowKey[]; error: unknown } {
  const [keys, setKeys] = useState<WindowKey[]>([])
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    if (!me) return
    let cancelled = false
    void (async () => {
      try {
        const result: WindowKey[] = []
        for (const { windowId } of me.windows) {
          const pair = await ensureMyKey(me.member.id, windowId)
          let view = me.keys.find((k) => k.keyId === pair.keyId && k.windowId === windowId) ?? null
          if (!view) view = await staffApi.addKey(windowId, pair.publicKey)
          result.push({ windowId, pair, view })
        }
        if (!cancelled) setKeys(result)
      } catch (caught) {
        if (!cancelled) setError(caught)
      }
    })()
    return () => {
      cancelled = true
    }
  }, [me])
  return { keys, error }
}
