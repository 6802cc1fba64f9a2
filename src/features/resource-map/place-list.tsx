import { Fragment, memo, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import type { Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { LIST_PAGE_SIZE, type EventIndex } from './filter-resources'
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
  next: string | undefined
  repeating: 'weekly' | 'monthly' | undefined
  placeHref: (id: string) => string
}

const PlaceItem = memo(function PlaceItem({ place, next, repeating, placeHref }: ItemProps) {
  const text = useText('map')
  const language = text.language
  return (
    <li className={styles.item} data-place-id={place.id}>
      <h3 className={styles.itemName}>
        <Link to={placeHref(place.id)} data-place-link>
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
 * The accessible way in: the places the map shows, in the same order of results, as plain links
 * usable with no tiles at all. Long results come in pages: 「もっと見る」 adds the next page and
 * moves focus to its first place, so a keyboard or screen-reader user continues where they were.
 */
export function PlaceList({ places, visibleIds, index, placeHref, headingId }: Props) {
  const text = useText('map')
  // The limit belongs to one set of results: new conditions start again from the first page.
  const [paging, setPaging] = useState({ results: visibleIds, limit: LIST_PAGE_SIZE })
  const limit = paging.results === visibleIds ? paging.limit : LIST_PAGE_SIZE
  const firstNew = useRef<number | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const results = places.filter((place) => visibleIds.has(place.id))

  useEffect(() => {
    if (firstNew.current === null) return
    listRef.current?.querySelectorAll<HTMLAnchorElement>('[data-place-link]')[firstNew.current]?.focus()
    firstNew.current = null
  }, [paging])

  const shown = results.slice(0, limit)
  const rest = results.length - shown.length
  return (
    <>
      <ul ref={listRef} className={styles.list} aria-labelledby={headingId} data-testid="place-list" data-total={results.length}>
        {shown.map((place) => (
          <PlaceItem key={place.id} place={place} next={index.nextDate.get(place.id)} repeating={index.repeating.get(place.id)} placeHref={placeHref} />
        ))}
      </ul>
      {rest > 0 ? (
        <button
          type="button"
          className={styles.secondary}
          onClick={() => {
            firstNew.current = shown.length
            setPaging({ results: visibleIds, limit: shown.length + LIST_PAGE_SIZE })
          }}
        >
          {text.r('results.more', { count: rest })}
        </button>
      ) : null}
    </>
  )
}
