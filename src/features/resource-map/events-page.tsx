import { useEffect } from 'react'
import { Link, useSearchParams } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { tokyoClock } from '@/shared/hours/tokyo-time'
import type { Place, PlaceEvent } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { formatDay, formatMonth } from './format-date'
import { EventIcsLink } from './place-events'
import styles from './resource-map.module.css'
import { useResources } from './use-resources'

export interface EventsPageProps {
  placeHref: (id: string) => string
  mapHref: string
}

type Dated = PlaceEvent & { date: string }

function byMonth(events: readonly Dated[]): Array<[month: string, events: Dated[]]> {
  const groups = new Map<string, Dated[]>()
  for (const e of events) {
    const month = e.date.slice(0, 7)
    groups.set(month, [...(groups.get(month) ?? []), e])
  }
  return [...groups.entries()]
}

export function EventsPage({ placeHref, mapHref }: EventsPageProps) {
  const text = useText('map')
  usePageTitle(text.s('events.title'), text.s('common:siteTitle'))
  const state = useResources()
  return (
    <>
      <h1>{text.r('events.title')}</h1>
      <p>{text.r('events.lead')}</p>
      <p>
        <Link to={mapHref}>{text.r('events.mapLink')}</Link>
      </p>
      {state.status === 'ready' ? (
        <EventsList places={state.data.places} events={state.data.events} placeHref={placeHref} />
      ) : (
        <p role={state.status === 'error' ? 'alert' : 'status'}>{text.r(state.status === 'error' ? 'loadError' : 'loading')}</p>
      )}
    </>
  )
}

function EventsList({ places, events, placeHref }: { places: readonly Place[]; events: readonly PlaceEvent[]; placeHref: (id: string) => string }) {
  const text = useText('map')
  const language = text.language
  const today = tokyoClock(new Date()).date
  const placeOf = new Map(places.map((p) => [p.id, p]))
  const dated = events.filter((e): e is Dated => e.date !== undefined).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
  const upcoming = dated.filter((e) => e.date >= today)
  const past = dated.filter((e) => e.date < today).reverse()
  const repeating = events.filter((e) => e.date === undefined)
  // A flyer's QR code may name one event (`?event=<id>`): the page opens at it.
  const [params] = useSearchParams()
  const named = params.get('event')
  useEffect(() => {
    if (named) document.getElementById(`event-${named}`)?.scrollIntoView({ block: 'center' })
  }, [named])

  const item = (e: PlaceEvent, when: React.ReactNode) => {
    const place = placeOf.get(e.placeId)
    if (!place) return null
    return (
      <li key={e.id} id={`event-${e.id}`} className={e.id === named ? `${styles.event} ${styles.eventNamed}` : styles.event} aria-current={e.id === named ? 'true' : undefined}>
        <strong>{when}</strong> <RubyText text={textOf(e.title, language)} />
        <br />
        <Link to={placeHref(place.id)}>{text.r('events.at', { place: textOf(place.name, language) })}</Link>
        {e.date !== undefined ? (
          <>
            <br />
            <EventIcsLink event={e as Dated} place={place} />
          </>
        ) : null}
      </li>
    )
  }
  return (
    <>
      {upcoming.length === 0 ? <p>{text.r('events.none')}</p> : null}
      {byMonth(upcoming).map(([month, list]) => (
        <section key={month} aria-labelledby={`month-${month}`}>
          <h2 id={`month-${month}`}>{formatMonth(month, language)}</h2>
          <ul className={styles.events}>{list.map((e) => item(e, formatDay(e.date, language)))}</ul>
        </section>
      ))}
      {repeating.length > 0 ? (
        <section aria-labelledby="events-repeating">
          <h2 id="events-repeating">{text.r('events.repeating')}</h2>
          <ul className={styles.events}>{repeating.map((e) => item(e, text.r(`recurrence.${e.recurrence ?? 'regular'}`)))}</ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="events-past">
          <h2 id="events-past">{text.r('events.past')}</h2>
          {byMonth(past).map(([month, list]) => (
            <details key={month} className={styles.past}>
              <summary>{formatMonth(month, language)}</summary>
              <ul className={styles.events}>{list.map((e) => item(e, formatDay(e.date, language)))}</ul>
            </details>
          ))}
        </section>
      ) : null}
    </>
  )
}
