import { memo, useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react'
import { useNavigate, type NavigateFunction } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { useRouterBase, withBase } from '@/lib/router-base'
import { useText } from '@/lib/use-text'
import { placeKinds, type Place, type PlaceKind } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { LIST_PAGE_SIZE, type EventIndex } from './filter-resources'
import { formatDay } from './format-date'
import styles from './resource-map.module.css'
import { useWords } from './use-words'

interface Props {
  places: readonly Place[]
  visibleIds: ReadonlySet<string>
  index: EventIndex
  placeHref: (id: string) => string
  headingId: string
}

/** Furigana markup as `<ruby>`; plain text stays a plain string (no component, no extra node). */
const ruby = (text: string): ReactNode => (text.includes('{') ? <RubyText text={text} /> : text)

/** The words every item repeats, looked up once per language rather than once per item. */
function itemLabels(language: string, raw: (key: string, options?: Record<string, unknown>) => string) {
  return {
    language,
    listSeparator: ` ${raw('common:listSeparator')} `,
    separator: raw('separator'),
    kind: Object.fromEntries(placeKinds.map((k) => [k, raw(`kind.${k}`)])) as Record<PlaceKind, string>,
    next: (date: string) => ruby(raw('item.next', { date: formatDay(date, language) })),
    weekly: ruby(raw('recurrence.weekly')),
    monthly: ruby(raw('recurrence.monthly')),
    bookingRequired: ruby(raw('item.bookingRequired')),
    noBooking: ruby(raw('item.noBooking')),
    free: ruby(raw('item.free')),
    paid: ruby(raw('item.paid')),
    online: ruby(raw('item.online')),
  }
}

interface ItemProps {
  place: Place
  next: string | undefined
  repeating: 'weekly' | 'monthly' | undefined
  placeHref: (id: string) => string
  labels: ReturnType<typeof itemLabels>
}

// A filter change mounts a page of these: each line is one string, so an item is a few elements.
const PlaceItem = memo(function PlaceItem({ place, next, repeating, placeHref, labels }: ItemProps) {
  const { language } = labels
  const meta = textOf(place.municipality, language) + labels.listSeparator + place.kinds.map((k) => labels.kind[k]).join(labels.separator)
  return (
    <li className={styles.item} data-place-id={place.id}>
      <h3 className={styles.itemName}>
        <a href={placeHref(place.id)} data-place-link>
          {ruby(textOf(place.name, language))}
        </a>
      </h3>
      <p className={styles.itemMeta}>{ruby(meta)}</p>
      {next ? <p className={styles.itemNext}>{labels.next(next)}</p> : null}
      {repeating ? <p className={styles.itemNext}>{labels[repeating]}</p> : null}
      <ul className={styles.tags}>
        <li>{place.bookingRequired ? labels.bookingRequired : labels.noBooking}</li>
        <li>{place.free ? labels.free : labels.paid}</li>
        {place.online ? <li>{labels.online}</li> : null}
      </ul>
    </li>
  )
})

/**
 * Follows the list's links inside the app, as a router Link does: one handler for the whole list,
 * because a Link per item brings about ten hooks and two effects, and a filter change mounts 50.
 */
function followInApp(navigate: NavigateFunction, placeHref: (id: string) => string) {
  return (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-place-link]')
    const id = link?.closest<HTMLElement>('[data-place-id]')?.dataset.placeId
    if (!link || id === undefined || event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    navigate(placeHref(id))
  }
}

/**
 * The accessible way in: the places the map shows, in the same order of results, as plain links
 * usable with no tiles at all. Long results come in pages: 「もっと見る」 adds the next page and
 * moves focus to its first place, so a keyboard or screen-reader user continues where they were.
 */
export function PlaceList({ places, visibleIds, index, placeHref, headingId }: Props) {
  const text = useText('map')
  const labels = useWords('map', (words, raw) => itemLabels(words.language, raw))
  const navigate = useNavigate()
  // A plain link's address carries the language prefix itself (a Link would add it).
  const base = useRouterBase()
  const itemHref = useCallback((id: string) => withBase(base, placeHref(id)), [base, placeHref])
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
      <ul ref={listRef} className={styles.list} aria-labelledby={headingId} data-testid="place-list" data-total={results.length} onClick={followInApp(navigate, placeHref)}>
        {/* Rows are kept by position: a change refills the page with other places, and updating a
            row's text costs less than removing one row and making another. A row holds no state,
            and focus is never in the list when its places change (the filters, 「近い順にならべる」
            and 「もっと見る」, which only adds rows, are all outside it). */}
        {shown.map((place, position) => (
          <PlaceItem key={position} place={place} next={index.nextDate.get(place.id)} repeating={index.repeating.get(place.id)} placeHref={itemHref} labels={labels} />
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
