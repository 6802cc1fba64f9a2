import { useSyncExternalStore } from 'react'

const subscribeToNothing = () => () => undefined

/**
 * False while the build pre-renders a page and while the device hydrates that HTML, true otherwise.
 * Anything that depends on the device (its clock, its service worker) renders only once this is
 * true, so hydration first renders exactly what the build wrote, then React renders again.
 */
export function useOnDevice(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
}
