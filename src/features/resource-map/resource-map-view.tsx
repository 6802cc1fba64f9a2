import 'leaflet/dist/leaflet.css'
import { latLngBounds } from 'leaflet'
import { useEffect, useRef } from 'react'
import { AttributionControl, CircleMarker, MapContainer, Popup, TileLayer, useMap, ZoomControl } from 'react-leaflet'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { deployment } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import type { Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import styles from './resource-map.module.css'

export interface ResourceMapViewProps {
  places: readonly Place[]
  placeHref: (id: string) => string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** After a filter change, show every remaining place (but not on first load: the configured view is the start). */
function FitToPlaces({ places }: { places: readonly Place[] }) {
  const map = useMap()
  const first = useRef(true)
  const key = places.map((p) => p.id).join(',')
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (places.length === 0) return
    map.fitBounds(latLngBounds(places.map((p) => [p.location.lat, p.location.lng])), { padding: [24, 24], maxZoom: 13 })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the id list is the dependency
  }, [key, map])
  return null
}

/** Leaflet lives in this lazy chunk only. Markers are vectors, so they show on a plain background when no tile loads. */
export default function ResourceMapView({ places, placeHref }: ResourceMapViewProps) {
  const text = useText('map')
  const { map } = deployment
  const attribution = `<a href="${escapeHtml(map.attributionUrl)}">${escapeHtml(map.attribution)}</a>`
  return (
    <MapContainer center={map.center} zoom={map.zoom} maxZoom={map.maxZoom} className={styles.map} zoomControl={false} attributionControl={false} scrollWheelZoom={false}>
      <TileLayer url={map.tileUrl} maxZoom={map.maxZoom} crossOrigin="anonymous" />
      <ZoomControl position="topleft" zoomInTitle={text.s('zoomIn')} zoomOutTitle={text.s('zoomOut')} />
      <AttributionControl position="bottomright" prefix={attribution} />
      <FitToPlaces places={places} />
      {places.map((place) => (
        <CircleMarker key={place.id} center={[place.location.lat, place.location.lng]} radius={9} className={`place-marker place-marker--${place.id}`} weight={2} fillOpacity={0.85}>
          <Popup>
            <strong>
              <RubyText text={textOf(place.name, text.language)} />
            </strong>
            <br />
            <Link to={placeHref(place.id)}>{text.r('openPlace')}</Link>
          </Popup>
        </CircleMarker>
      ))}
    </MapContainer>
  )
}
