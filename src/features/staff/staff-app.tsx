import type { ReactNode } from 'react'
import { CasesProvider } from './inbox/cases-context'
import { useMyKeys, type WindowKey } from './keys/use-my-keys'
import { useStaffSession } from './staff-session'

/**
 * Signed in or not: the signed-out pages (sign-in, join) or the member's pages with their keys and
 * their decrypted cases in memory. `children` gets this device's keys.
 */
export function StaffGate({ signedOut, children }: { signedOut: ReactNode; children: (keys: WindowKey[]) => ReactNode }) {
  const { me } = useStaffSession()
  const { keys } = useMyKeys(me)
  if (me === undefined) return null
  if (me === null) return <>{signedOut}</>
  return <CasesProvider keys={keys}>{children(keys)}</CasesProvider>
}
