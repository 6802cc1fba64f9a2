import { useState } from 'react'
import type { Position } from './filter-resources'

export type NearMeState = { status: 'off' } | { status: 'asking' } | { status: 'on'; position: Position } | { status: 'denied' } | { status: 'unavailable' }

/** Opt-in only. The position stays in memory for this page: never in the URL, storage or a request. */
export function useNearMe() {
  const [state, setState] = useState<NearMeState>({ status: 'off' })
  const ask = () => {
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
  }
  return { state, ask, reset: () => setState({ status: 'off' }) }
}
