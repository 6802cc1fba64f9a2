import { lazy, memo, Suspense, useId, useMemo } from 'react'
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
import { useNearMe, type NearMe } from './use-near-me'
import { useWords } from './use-words'
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
  const words = useWords('map', (text) => ({ mapRegion: text.s('mapRegion'), mapNote: text.r('mapNote') }))
  const listHeadingId = useId()
  const [filters, change] = useFiltersInUrl()
  const today = useMemo(() => tokyoClock(new Date()).date, [])
  const index = useMemo(() => indexEvents(data.events, today), [data.events, today])
  const municipalities = useMemo(() => municipalitiesOf(data.places), [data.places])
  const nearMe = useNearMe()

  const results = useMemo(() => filterPlaces(data.places, filters, index, today), [data.places, filters, index, today])
  const visibleIds = useMemo(() => new Set(results.map((p) => p.id)), [results])
  const ordered = useMemo(() => (nearMe.state.status === 'on' ? sortByDistance(data.places, nearMe.state.position) : data.places), [data.places, nearMe.state])

  // On a phone the list comes first on screen, so the first places show without scrolling past the map.
  return (
    <div className={styles.explorer}>
      <ResultCount count={results.length} />
      <FilterPanel filters={filters} municipalities={municipalities} onChange={change} />
      <section aria-label={words.mapRegion} className={styles.mapRegion}>
        <p className={styles.mapNote}>{words.mapNote}</p>
        <Suspense fallback={<div className={styles.map} />}>
          <ResourceMapView places={data.places} visibleIds={visibleIds} placeHref={placeHref} />
        </Suspense>
      </section>
      <ListHead headingId={listHeadingId} nearMe={nearMe} />
      <PlaceList places={ordered} visibleIds={visibleIds} index={index} placeHref={placeHref} headingId={listHeadingId} />
      <OpenDataNote />
    </div>
  )
}

function ResultCount({ count }: { count: number }) {
  const text = useText('map')
  return (
    <p role="status" className={styles.count} data-testid="result-count" data-count={count}>
      {count > 0 ? text.r('results.count', { count }) : text.r('results.none')}
    </p>
  )
}

/** Unchanged by a filter change (memo, with useNearMe's stable state and callbacks). */
const ListHead = memo(function ListHead({ headingId, nearMe }: { headingId: string; nearMe: NearMe }) {
  const text = useText('map')
  const { state } = nearMe
  return (
    <div className={styles.listHead}>
      <h2 id={headingId}>{text.r('results.listHeading')}</h2>
      <div>
        {state.status === 'on' ? (
          <button type="button" className={styles.secondary} onClick={nearMe.reset}>
            {text.r('nearMe.off')}
          </button>
        ) : (
          <button type="button" className={styles.secondary} onClick={nearMe.ask} aria-describedby={`${headingId}-hint`} disabled={state.status === 'asking'}>
            {text.r('nearMe.button')}
          </button>
        )}
        <p id={`${headingId}-hint`} className={styles.hint}>
          {state.status === 'on' ? text.r('nearMe.sorted') : state.status === 'denied' ? text.r('nearMe.denied') : state.status === 'unavailable' ? text.r('nearMe.unavailable') : text.r('nearMe.hint')}
        </p>
      </div>
    </div>
  )
})
