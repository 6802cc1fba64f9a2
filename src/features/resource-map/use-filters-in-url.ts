import { useCallback, useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { afterNextPaint } from './after-next-paint'
import { filtersFromParams, paramsFromFilters, type Filters } from './filter-resources'

/**
 * The filters, kept in the URL query so a link or a QR code opens the same view. A change shows
 * at once; the address follows after the next paint (several quick changes give one write), so
 * history.replaceState and the router's re-render of the page are not between a click and the
 * updated list and map. Back, forward or a link that changes the query is followed.
 */
export function useFiltersInUrl(): [Filters, (update: (current: Filters) => Filters) => void] {
  const [params, setParams] = useSearchParams()
  const [filters, setFilters] = useState<Filters>(() => filtersFromParams(params))
  const latest = useRef(filters)
  const written = useRef<string | null>(null)
  const cancelWrite = useRef<(() => void) | null>(null)
  const setParamsRef = useRef(setParams)

  useEffect(() => {
    setParamsRef.current = setParams
  }, [setParams])
  useEffect(() => () => cancelWrite.current?.(), [])

  const query = params.toString()
  useEffect(() => {
    if (query === written.current || query === paramsFromFilters(latest.current).toString()) return
    latest.current = filtersFromParams(new URLSearchParams(query))
    setFilters(latest.current)
  }, [query])

  const change = useCallback((update: (current: Filters) => Filters) => {
    latest.current = update(latest.current)
    setFilters(latest.current)
    if (cancelWrite.current) return
    const address = window.location.href
    cancelWrite.current = afterNextPaint(() => {
      cancelWrite.current = null
      // The reader left or went back meanwhile: that address is not ours to change.
      if (window.location.href !== address) return
      const next = paramsFromFilters(latest.current)
      written.current = next.toString()
      setParamsRef.current(next, { replace: true, preventScrollReset: true })
    })
  }, [])

  return [filters, change]
}
