import { Fragment } from 'react'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { defaultWindow } from '@/lib/deployment'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { tokyoClock } from '@/shared/hours/tokyo-time'
import type { Place, PlaceEvent } from '@/shared/schemas/places'
import { sourceOf, textOf } from './data-text'
import { nearestWindowId } from './filter-resources'
import type { Resources } from './load-resources'
import { PlaceEvents } from './place-events'
import styles from './resource-map.module.css'
import { useResources } from './use-resources'

export interface PlacePageProps {
  id: string
  mapHref: string
  bookHref: (windowId: string) => string
}

export function PlacePage(props: PlacePageProps) {
  const text = useText('map')
  const state = useResources()
  const place = state.status === 'ready' ? state.data.places.find((p) => p.id === props.id) : undefined
  usePageTitle(place ? textOf(place.name, text.language) : text.s('title'), text.s('common:siteTitle'))
  if (state.status !== 'ready') return <p role={state.status === 'error' ? 'alert' : 'status'}>{text.r(state.status === 'error' ? 'loadError' : 'loading')}</p>
  if (!place)
    return (
      <>
        <h1>{text.r('place.notFound')}</h1>
        <Link to={props.mapHref}>{text.r('place.back')}</Link>
      </>
    )
  return <PlaceDetails place={place} data={state.data} {...props} />
}

function Section({ id, title, children }: { id: string; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function PlaceDetails({ place, data, mapHref, bookHref }: PlacePageProps & { place: Place; data: Resources }) {
  const text = useText('map')
  const language = text.language
  const events: PlaceEvent[] = data.events.filter((e) => e.placeId === place.id)
  const today = tokyoClock(new Date()).date
  const { contact } = place
  const hasContact = contact.phone || contact.email || contact.url
  return (
    <article className={styles.place}>
      <p className={styles.back}>
        <Link to={mapHref}>{text.r('place.back')}</Link>
      </p>
      <h1>
        <RubyText text={textOf(place.name, language)} />
      </h1>
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
      <p>
        <strong>{text.r('place.forWhom')}:</strong> {place.audiences.map((a, i) => (
          <Fragment key={a}>
            {i > 0 ? text.s('separator') : null}
            {text.r(`audience.${a}`)}
          </Fragment>
        ))}
      </p>
      <p>
        <Link className={styles.cta} to={bookHref(nearestWindowId(place, data.places, defaultWindow().id))}>
          {text.r('place.consultFirst')}
        </Link>
      </p>
      <Section id="place-about" title={text.r('place.about')}>
        <p>
          <RubyText text={textOf(place.about, language)} />
        </p>
      </Section>
      <Section id="place-mood" title={text.r('place.mood')}>
        <p>
          <RubyText text={textOf(place.mood, language)} />
        </p>
      </Section>
      <Section id="place-when" title={text.r('place.when')}>
        <PlaceEvents place={place} events={events} today={today} />
      </Section>
      <Section id="place-where" title={text.r('place.where')}>
        <p>
          <RubyText text={textOf(place.municipality, language)} />
          {place.address ? (
            <>
              {' '}
              <RubyText text={textOf(place.address, language)} />
            </>
          ) : null}
        </p>
        {place.address ? null : <p>{text.r('place.noAddress')}</p>}
        {place.access ? (
          <p>
            <strong>{text.r('place.access')}:</strong> <RubyText text={textOf(place.access, language)} />
          </p>
        ) : null}
        <p className={styles.hint}>{text.r('place.approximate')}</p>
      </Section>
      <Section id="place-cost" title={text.r('place.cost')}>
        <p>
          {text.r(place.free ? 'place.free' : 'place.paid')} {place.cost ? <RubyText text={textOf(place.cost, language)} /> : null}
        </p>
      </Section>
      <Section id="place-join" title={text.r('place.join')}>
        <p>{text.r(place.bookingRequired ? 'place.bookingRequired' : 'place.noBooking')}</p>
        <p>{text.r(place.inPerson ? (place.online ? 'place.online' : 'place.inPerson') : 'place.onlineOnly')}</p>
      </Section>
      <Section id="place-contact" title={text.r('place.contact')}>
        {hasContact ? (
          <dl className={styles.details}>
            {contact.phone ? (
              <>
                <dt>{text.r('place.phone')}</dt>
                <dd>
                  <a href={`tel:${contact.phone.replaceAll('-', '')}`}>{contact.phone}</a>
                </dd>
              </>
            ) : null}
            {contact.email ? (
              <>
                <dt>{text.r('place.email')}</dt>
                <dd>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </dd>
              </>
            ) : null}
            {contact.url ? (
              <>
                <dt>{text.r('place.web')}</dt>
                <dd>
                  <a href={contact.url} rel="noreferrer">
                    {contact.url}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {contact.note ? (
          <p>
            <RubyText text={textOf(contact.note, language)} />
          </p>
        ) : null}
        {!hasContact && !contact.note ? <p>{text.r('place.noContact')}</p> : null}
      </Section>
      <Section id="place-source" title={text.r('place.source')}>
        <p>
          <RubyText text={sourceOf(place.source, language)} />
        </p>
        <p>{text.r('place.sourceDate', { date: place.source.date })}</p>
        <p className={styles.hint}>{text.r('place.sourceNote')}</p>
      </Section>
    </article>
  )
}
