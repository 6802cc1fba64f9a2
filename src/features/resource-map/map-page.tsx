import { lazy, Suspense, useId, useMemo } from 'react'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { tokyoClock } from '@/shared/hours/tokyo-time'
import { FilterPanel } from './filter-panel'
import { filterPlaces, indexEvents, municipalitiesOf, sortByDistance } from './filter-resources'
import type { Resources } from './load-resources'
import { OpenDataNote } from './open-data-note'
import { PlaceList } from './place-list'
import styles from './resource-map.module.css'
import { useFiltersInUrl } from './use-filters-in-url'
import { useNearMe } from './use-near-me'
import { useResources } from './use-resources'

const ResourceMapView = lazy(() => import('./resource-map-view'))

export interface MapPageProps {
  placeHref: (id: string) => string
}

export function MapPage(props: MapPageProps) {
  const text = useText('map')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  const state = useResources()
  return (
    <>
      <h1>{text.r('title')}</h1>
      <p>{text.r('lead')}</p>
      {state.status === 'ready' ? (
        <MapExplorer data={state.data} {...props} />
      ) : (
        <p role={state.status === 'error' ? 'alert' : 'status'}>{text.r(state.status === 'error' ? 'loadError' : 'loading')}</p>
      )}
    </>
  )
}

function MapExplorer({ data, placeHref }: MapPageProps & { data: Resources }) {
  const text = useText('map')
  const listHeadingId = useId()
  const [filters, change] = useFiltersInUrl()
  const today = useMemo(() => tokyoClock(new Date()).date, [])
  const index = useMemo(() => indexEvents(data.events, today), [data.events, today])
  const municipalities = useMemo(() => municipalitiesOf(data.places), [data.places])
  const nearMe = useNearMe()

  const results = useMemo(() => filterPlaces(data.places, filters, index, today), [data.places, filters, index, today])
  const visibleIds = useMemo(() => new Set(results.map((p) => p.id)), [results])
  const ordered = useMemo(() => (nearMe.state.status === 'on' ? sortByDistance(data.places, nearMe.state.position) : data.places), [data.places, nearMe.state])

  return (
    <>
      <FilterPanel filters={filters} municipalities={municipalities} onChange={change} />
      <p role="status" className={styles.count} data-testid="result-count" data-count={results.length}>
        {results.length > 0 ? text.r('results.count', { count: results.length }) : text.r('results.none')}
      </p>
      <section aria-label={text.s('mapRegion')} className={styles.mapRegion}>
        <p className={styles.mapNote}>{text.r('mapNote')}</p>
        <Suspense fallback={<div className={styles.map} />}>
          <ResourceMapView places={data.places} visibleIds={visibleIds} placeHref={placeHref} />
        </Suspense>
      </section>
      <div className={styles.listHead}>
        <h2 id={listHeadingId}>{text.r('results.listHeading')}</h2>
        <div>
          {nearMe.state.status === 'on' ? (
            <button type="button" className={styles.secondary} onClick={nearMe.reset}>
              {text.r('nearMe.off')}
            </button>
          ) : (
            <button type="button" className={styles.secondary} onClick={nearMe.ask} aria-describedby={`${listHeadingId}-hint`} disabled={nearMe.state.status === 'asking'}>
              {text.r('nearMe.button')}
            </button>
          )}
          <p id={`${listHeadingId}-hint`} className={styles.hint}>
            {nearMe.state.status === 'on' ? text.r('nearMe.sorted') : nearMe.state.status === 'denied' ? text.r('nearMe.denied') : nearMe.state.status === 'unavailable' ? text.r('nearMe.unavailable') : text.r('nearMe.hint')}
          </p>
        </div>
      </div>
      <PlaceList places={ordered} visibleIds={visibleIds} index={index} placeHref={placeHref} headingId={listHeadingId} />
      <OpenDataNote />
    </>
  )
}
