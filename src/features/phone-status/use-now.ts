import { useEffect, useState } from 'react'
import { useOnDevice } from '@/lib/use-on-device'

/**
 * The current time, refreshed every `intervalMs`, so an open page notices when the phone opens or
 * closes. `null` in pre-rendered HTML and while it is hydrated: the time must be the device's.
 */
export function useNow(intervalMs = 30_000): Date | null {
  const onDevice = useOnDevice()
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return onDevice ? now : null
}
