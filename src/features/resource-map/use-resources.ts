import { useEffect, useState } from 'react'
import { resourcesOnce, type Resources } from './load-resources'

export type ResourcesState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: Resources }

export function useResources(): ResourcesState {
  const [state, setState] = useState<ResourcesState>({ status: 'loading' })
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
