import { useCallback, useMemo, useState } from 'react'
import type { Position } from './filter-resources'

export type NearMeState = { status: 'off' } | { status: 'asking' } | { status: 'on'; position: Position } | { status: 'denied' } | { status: 'unavailable' }

export interface NearMe {
  state: NearMeState
  ask: () => void
  reset: () => void
}

/** Opt-in only. The position stays in memory for this page: never in the URL, storage or a request. */
export function useNearMe(): NearMe {
  const [state, setState] = useState<NearMeState>({ status: 'off' })
  const ask = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'unavailable' })
      return
    }
    setState({ status: 'asking' })
    navigator.geolocation.getCurrentPosition(
      (p) => setState({ status: 'on', position: { lat: p.coords.latitude, lng: p.coords.longitude } }),
      () => setState({ status: 'denied' }),
      { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 },
    )
  }, [])
  const reset = useCallback(() => setState({ status: 'off' }), [])
  // Stable while the state is unchanged, so the parts that show it skip a filter change.
  return useMemo(() => ({ state, ask, reset }), [state, ask, reset])
}
