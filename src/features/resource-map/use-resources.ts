import { useEffect, useState } from 'react'
import { loadedResources, resourcesOnce, type Resources } from './load-resources'

export type ResourcesState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: Resources }

export function useResources(): ResourcesState {
  // Data loaded by an earlier page shows at once: no "loading" flash, and the heading is there on the first render.
  const [state, setState] = useState<ResourcesState>(() => {
    const data = loadedResources()
    return data ? { status: 'ready', data } : { status: 'loading' }
  })
  useEffect(() => {
    let live = true
    resourcesOnce().then(
      (data) => live && setState({ status: 'ready', data }),
      () => live && setState({ status: 'error' }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
