import { Fragment, memo } from 'react'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import type { Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import type { EventIndex } from './filter-resources'
import { formatDay } from './format-date'
import styles from './resource-map.module.css'

interface Props {
  places: readonly Place[]
  visibleIds: ReadonlySet<string>
  index: EventIndex
  placeHref: (id: string) => string
  headingId: string
}

interface ItemProps {
  place: Place
  hidden: boolean
  next: string | undefined
  repeating: 'weekly' | 'monthly' | undefined
  placeHref: (id: string) => string
}

const PlaceItem = memo(function PlaceItem({ place, hidden, next, repeating, placeHref }: ItemProps) {
  const text = useText('map')
  const language = text.language
  return (
    <li className={styles.item} data-place-id={place.id} hidden={hidden}>
      <h3 className={styles.itemName}>
        <Link to={placeHref(place.id)}>
          <RubyText text={textOf(place.name, language)} />
        </Link>
      </h3>
      <p className={styles.itemMeta}>
        <RubyText text={textOf(place.municipality, language)} />
        {` ${text.s('common:listSeparator')} `}
        {place.kinds.map((k, i) => (
          <Fragment key={k}>
            {i > 0 ? text.s('separator') : null}
            {text.r(`kind.${k}`)}
          </Fragment>
        ))}
      </p>
      {next ? <p className={styles.itemNext}>{text.r('item.next', { date: formatDay(next, language) })}</p> : null}
      {repeating ? <p className={styles.itemNext}>{text.r(`recurrence.${repeating}`)}</p> : null}
      <ul className={styles.tags}>
        <li>{text.r(place.bookingRequired ? 'item.bookingRequired' : 'item.noBooking')}</li>
        <li>{text.r(place.free ? 'item.free' : 'item.paid')}</li>
        {place.online ? <li>{text.r('item.online')}</li> : null}
      </ul>
    </li>
  )
})

/**
 * The accessible way in: the same places as the map, as plain links, usable with no tiles at all.
 * Every place is rendered once and filtered out with `hidden`, which also hides it from screen readers.
 */
export function PlaceList({ places, visibleIds, index, placeHref, headingId }: Props) {
  return (
    <ul className={styles.list} aria-labelledby={headingId} data-testid="place-list">
      {places.map((place) => (
        <PlaceItem
          key={place.id}
          place={place}
          hidden={!visibleIds.has(place.id)}
          next={index.nextDate.get(place.id)}
          repeating={index.repeating.get(place.id)}
          placeHref={placeHref}
        />
      ))}
    </ul>
  )
}
