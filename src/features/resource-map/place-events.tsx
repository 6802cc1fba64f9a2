import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import type { Place, PlaceEvent } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { formatDay } from './format-date'
import { eventIcs, icsHref } from './ics'
import styles from './resource-map.module.css'

type Dated = PlaceEvent & { date: string }
const isDated = (e: PlaceEvent): e is Dated => e.date !== undefined

export function EventIcsLink({ event, place }: { event: Dated; place: Place }) {
  const text = useText('map')
  const language = text.language
  const day = formatDay(event.date, language)
  const ics = eventIcs(
    event,
    place,
    {
      title: textOf(event.title, language),
      location: [textOf(place.municipality, language), place.address ? textOf(place.address, language) : ''].filter(Boolean).join(' '),
      description: [event.note ? textOf(event.note, language) : '', textOf(place.name, language), place.source.document].filter(Boolean).join('\n'),
    },
    new Date(),
  )
  return (
    <a href={icsHref(ics)} download={`${event.id}.ics`} className={styles.ics}>
      {text.r('place.ics', { date: day })}
    </a>
  )
}

function EventLine({ event, place, withIcs }: { event: PlaceEvent; place: Place; withIcs: boolean }) {
  const text = useText('map')
  const language = text.language
  return (
    <li className={styles.event}>
      <strong>{isDated(event) ? formatDay(event.date, language) : text.r(`recurrence.${event.recurrence ?? 'regular'}`)}</strong>
      {event.start ? ` ${event.end ? text.s('common:phoneStatus.dayRange', { from: event.start, to: event.end }) : event.start}` : null} <RubyText text={textOf(event.title, language)} />
      {event.note ? (
        <>
          {' '}
          <span className={styles.hint}>
            （<RubyText text={textOf(event.note, language)} />）
          </span>
        </>
      ) : null}
      {withIcs && isDated(event) ? (
        <>
          <br />
          <EventIcsLink event={event} place={place} />
        </>
      ) : null}
    </li>
  )
}

/** Next dates first, then what repeats, then past dates folded away. */
export function PlaceEvents({ place, events, today }: { place: Place; events: readonly PlaceEvent[]; today: string }) {
  const text = useText('map')
  const dated = events.filter(isDated).sort((a, b) => a.date.localeCompare(b.date))
  const upcoming = dated.filter((e) => e.date >= today)
  const past = dated.filter((e) => e.date < today).reverse()
  const repeating = events.filter((e) => !isDated(e))
  return (
    <>
      {upcoming.length + repeating.length === 0 ? <p>{text.r('place.noDates')}</p> : null}
      {upcoming.length + repeating.length > 0 ? (
        <ul className={styles.events}>
          {upcoming.map((e) => (
            <EventLine key={e.id} event={e} place={place} withIcs />
          ))}
          {repeating.map((e) => (
            <EventLine key={e.id} event={e} place={place} withIcs={false} />
          ))}
        </ul>
      ) : null}
      {past.length > 0 ? (
        <details className={styles.past}>
          <summary>{text.r('place.pastDates')}</summary>
          <ul className={styles.events}>
            {past.map((e) => (
              <EventLine key={e.id} event={e} place={place} withIcs />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  )
}
