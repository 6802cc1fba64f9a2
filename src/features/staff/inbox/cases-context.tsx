import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { WindowKey } from '../keys/use-my-keys'
import { staffApi } from '../staff-api'
import { openCase, type OpenedCase } from './decrypt-case'

/** New requests are looked for this often while a staff page is open. */
const POLL_MS = 30_000

interface Cases {
  cases: OpenedCase[]
  loaded: boolean
  error: unknown
  /** Requests that arrived since the staff member last looked (title count and badge). */
  fresh: number
  acknowledge: () => void
  reload: () => Promise<void>
  keyFor: (windowId: string) => WindowKey | undefined
}

const Context = createContext<Cases | null>(null)

/**
 * The member's cases, decrypted on this device and held in memory only: nothing decrypted is
 * written to any storage, and signing out or leaving the staff pages drops it with this provider.
 */
export function CasesProvider({ keys, children }: { keys: WindowKey[]; children: ReactNode }) {
  const [cases, setCases] = useState<OpenedCase[]>([])
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const seen = useRef<Set<string> | null>(null)
  const [fresh, setFresh] = useState(0)

  const reload = useCallback(async () => {
    try {
      const lists = await Promise.all(keys.map(async (k) => ({ key: k, list: (await staffApi.cases(k.windowId)).cases })))
      const opened = await Promise.all(lists.flatMap(({ key, list }) => list.map((summary) => openCase(summary, key.pair))))
      opened.sort((a, b) => b.summary.createdAt.localeCompare(a.summary.createdAt))
      seen.current ??= new Set(opened.map((c) => c.summary.requestId))
      setFresh(opened.filter((c) => !seen.current?.has(c.summary.requestId)).length)
      setCases(opened)
      setError(null)
    } catch (caught) {
      setError(caught)
    } finally {
      setLoaded(true)
    }
  }, [keys])

  useEffect(() => {
    if (keys.length === 0) return
    void reload()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [keys, reload])

  const acknowledge = useCallback(() => {
    seen.current = new Set(cases.map((c) => c.summary.requestId))
    setFresh(0)
  }, [cases])

  const keyFor = useCallback((windowId: string) => keys.find((k) => k.windowId === windowId), [keys])
  const value = useMemo(() => ({ cases, loaded, error, fresh, acknowledge, reload, keyFor }), [cases, loaded, error, fresh, acknowledge, reload, keyFor])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useCases(): Cases {
  const cases = useContext(Context)
  if (!cases) throw new Error('useCases outside CasesProvider')
  return cases
}
