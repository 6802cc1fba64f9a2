import { useEffect, useState, type FormEvent } from 'react'
import { campaignLanguages, type CampaignLanguage, type CampaignView } from '@/shared/schemas/campaigns'
import { audiences, eventsFileSchema, placeKinds, placesFileSchema, type Place, type PlaceEvent } from '@/shared/schemas/places'
import { tokyoClock } from '@/shared/hours/tokyo-time'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { campaignsApi, type CampaignTarget } from './campaigns-api'
import { campaignsText } from './campaigns-text'
import local from './campaigns.module.css'

const text = campaignsText.create
type Kind = CampaignTarget['kind']
const kinds: Kind[] = ['home', 'book', 'hurdle', 'map', 'place', 'event']

/** The public open data (places and events), read the same way the map reads it. */
function useOpenData(wanted: boolean): { places: Place[]; events: PlaceEvent[] } | 'loading' | 'error' {
  const [data, setData] = useState<{ places: Place[]; events: PlaceEvent[] } | 'loading' | 'error'>('loading')
  useEffect(() => {
    if (!wanted || data !== 'loading') return
    let live = true
    Promise.all(['/data/places.json', '/data/events.json'].map(async (url) => (await fetch(url)).json() as Promise<unknown>)).then(
      ([places, events]) => live && setData({ places: placesFileSchema.parse(places), events: eventsFileSchema.parse(events) }),
      () => live && setData('error'),
    )
    return () => {
      live = false
    }
  }, [wanted, data])
  return data
}

/** Events a new flyer can still point at: coming ones and the regular ones, soonest first. */
function eventsAhead(events: readonly PlaceEvent[]): PlaceEvent[] {
  const today = tokyoClock(new Date()).date
  return events.filter((e) => e.date === undefined || e.date >= today).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id))
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value)
}

export function CampaignForm({ windowId, onCreated }: { windowId: string; onCreated: (created: CampaignView) => void }) {
  const [kind, setKind] = useState<Kind>('home')
  const [hurdle, setHurdle] = useState('/who-can-consult')
  const [mapKinds, setMapKinds] = useState<string[]>([])
  const [mapAudiences, setMapAudiences] = useState<string[]>([])
  const [placeId, setPlaceId] = useState('')
  const [eventId, setEventId] = useState('')
  const [language, setLanguage] = useState<CampaignLanguage>('ja')
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const data = useOpenData(kind === 'place' || kind === 'event')

  const target = (): CampaignTarget | null => {
    switch (kind) {
      case 'hurdle': return { kind, path: hurdle }
      case 'map': return { kind, filters: { kinds: mapKinds, audiences: mapAudiences } }
      case 'place': return placeId ? { kind, placeId } : null
      case 'event': return eventId ? { kind, eventId } : null
      default: return { kind }
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const chosen = target()
    if (!chosen || !label.trim()) return setMessage({ ok: false, text: text.missing })
    setBusy(true)
    setMessage(null)
    try {
      const created = await campaignsApi.create(windowId, { target: chosen, language, label: label.trim() })
      setMessage({ ok: true, text: text.created(created.label) })
      setLabel('')
      onCreated(created)
    } catch (caught) {
      setMessage({ ok: false, text: errorText(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="campaign-create-heading">
      <h2 id="campaign-create-heading">{text.heading}</h2>
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className={local.stack}>
          <legend>{text.target}</legend>
          {kinds.map((k) => (
            <label key={k}>
              <input type="radio" name="campaign-target" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {text.targets[k]}
            </label>
          ))}
        </fieldset>
        {kind === 'hurdle' ? (
          <>
            <label htmlFor="campaign-hurdle">{text.hurdle}</label>
            <select id="campaign-hurdle" value={hurdle} onChange={(e) => setHurdle(e.target.value)}>
              {Object.entries(text.hurdles).map(([path, title]) => (
                <option key={path} value={path}>{title}</option>
              ))}
            </select>
          </>
        ) : null}
        {kind === 'map' ? (
          <>
            <fieldset>
              <legend>{text.mapKinds}</legend>
              {placeKinds.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={mapKinds.includes(k)} onChange={(e) => setMapKinds(toggle(mapKinds, k, e.target.checked))} />
                  {text.kinds[k]}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{text.mapAudiences}</legend>
              {audiences.map((a) => (
                <label key={a}>
                  <input type="checkbox" checked={mapAudiences.includes(a)} onChange={(e) => setMapAudiences(toggle(mapAudiences, a, e.target.checked))} />
                  {text.audiences[a]}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        {kind === 'place' || kind === 'event' ? (
          data === 'loading' ? (
            <p role="status">{text.dataLoading}</p>
          ) : data === 'error' ? (
            <p className={styles.error} role="alert">{text.dataError}</p>
          ) : kind === 'place' ? (
            <>
              <label htmlFor="campaign-place">{text.place}</label>
              <select id="campaign-place" value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
                <option value="">―</option>
                {data.places.map((p) => (
                  <option key={p.id} value={p.id}>{`${p.name.ja}（${p.municipality.ja}）`}</option>
                ))}
              </select>
            </>
          ) : (
            <>
              <label htmlFor="campaign-event">{text.event}</label>
              <select id="campaign-event" value={eventId} onChange={(e) => setEventId(e.target.value)}>
                <option value="">―</option>
                {eventsAhead(data.events).map((e) => (
                  <option key={e.id} value={e.id}>{`${e.date ?? ''} ${e.title.ja}（${data.places.find((p) => p.id === e.placeId)?.name.ja ?? ''}）`.trim()}</option>
                ))}
              </select>
            </>
          )
        ) : null}
        <fieldset className={local.choices}>
          <legend>{text.language}</legend>
          {campaignLanguages.map((l) => (
            <label key={l}>
              <input type="radio" name="campaign-language" value={l} checked={language === l} onChange={() => setLanguage(l)} />
              {text.languages[l]}
            </label>
          ))}
        </fieldset>
        <label htmlFor="campaign-label">{text.label}</label>
        <p id="campaign-label-hint" className={styles.hint}>{text.labelHint}</p>
        <input id="campaign-label" type="text" maxLength={80} aria-describedby="campaign-label-hint" value={label} onChange={(e) => setLabel(e.target.value)} />
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={busy}>{text.submit}</button>
        </div>
        {message ? <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      </form>
    </section>
  )
}
