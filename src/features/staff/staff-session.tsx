import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Me } from '@/shared/schemas/staff'
import { staffApi, StaffApiError } from './staff-api'

interface StaffSession {
  /** undefined while asking the server; null when not signed in. */
  me: Me | null | undefined
  setMe: (me: Me | null) => void
  refresh: () => Promise<void>
  signOut: () => Promise<void>
  /** Set after signing out, so the sign-in page can say that nothing was left behind. */
  signedOut: boolean
}

const Context = createContext<StaffSession | null>(null)

/** Who is signed in. Everything decrypted lives below this provider, in memory, and goes with it. */
export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [signedOut, setSignedOut] = useState(false)
  const refresh = useCallback(async () => {
    try {
      setMe((await staffApi.session()).me)
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 401) setMe(null)
      else setMe((current) => current ?? null)
    }
  }, [])
  const signOut = useCallback(async () => {
    await staffApi.logout().catch(() => undefined)
    setSignedOut(true)
    setMe(null)
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  const value = useMemo(() => ({ me, setMe, refresh, signOut, signedOut }), [me, refresh, signOut, signedOut])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useStaffSession(): StaffSession {
  const session = useContext(Context)
  if (!session) throw new Error('useStaffSession outside StaffSessionProvider')
  return session
}
