import 'leaflet/dist/leaflet.css'
import { popup } from 'leaflet'
import { useEffect, useRef } from 'react'
import { AttributionControl, MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet'
import { useNavigate } from 'react-router'
import { deployment } from '@/lib/deployment'
import { nameFor, rubyHtml } from '@/lib/reading-text'
import { useText } from '@/lib/use-text'
import type { Place } from '@/shared/schemas/places'
import { afterNextPaint } from './after-next-paint'
import { textOf } from './data-text'
import { MARKER_RADIUS, PlaceMarkers } from './place-markers'
import styles from './resource-map.module.css'

export interface ResourceMapViewProps {
  places: readonly Place[]
  visibleIds: ReadonlySet<string>
  placeHref: (id: string) => string
}

/** Tiles come through the app's own origin (src/server/tiles): the tile operator never sees the visitor. */
const TILE_URL = '/tiles/{z}/{x}/{y}.png'
/** A tile the server cannot get (404) is drawn as this transparent pixel: a blank square, not a broken image. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The places as markers on one canvas (see PlaceMarkers); a filter change redraws only what is shown. */
function Markers({ places, visibleIds, placeHref }: ResourceMapViewProps) {
  const map = useMap()
  const navigate = useNavigate()
  const text = useText('map')
  const layer = useRef<PlaceMarkers<Place> | null>(null)
  const openPopup = useRef<(place: Place) => void>(() => undefined)
  const firstFit = useRef(true)

  useEffect(() => {
    openPopup.current = (place) => {
      const box = document.createElement('div')
      const name = document.createElement('strong')
      name.innerHTML = rubyHtml(textOf(place.name, text.language))
      const link = document.createElement('a')
      link.href = placeHref(place.id)
      link.textContent = text.s('openPlace')
      link.addEventListener('click', (event) => {
        event.preventDefault()
        navigate(placeHref(place.id))
      })
      box.append(name, document.createElement('br'), link)
      popup({ offset: [0, 7 - MARKER_RADIUS] }).setLatLng([place.location.lat, place.location.lng]).setContent(box).openOn(map)
    }
  })

  useEffect(() => {
    const made = new PlaceMarkers(places, (place) => openPopup.current(place)).addTo(map)
    layer.current = made
    return () => {
      made.remove()
    }
  }, [map, places])

  useEffect(() => {
    const markers = layer.current
    if (!markers) return
    markers.setShown(visibleIds)
    if (firstFit.current) {
      firstFit.current = false
      return
    }
    // Zoom out to show every remaining place, but leave the view alone when they are already in it.
    // After the paint: a new zoom loads a new level of tiles, which the changed markers need not wait for.
    return afterNextPaint(() => {
      const bounds = markers.shownBounds()
      if (bounds && !map.getBounds().contains(bounds)) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 })
    })
  }, [map, visibleIds, places])
  return null
}

/** Leaflet lives in this lazy chunk only. Markers are drawn, not tiles, so they show on a plain background when no tile loads. */
export default function ResourceMapView(props: ResourceMapViewProps) {
  const text = useText('map')
  const { map } = deployment
  const attribution = `<a href="${escapeHtml(map.attributionUrl)}">${rubyHtml(nameFor(map.attribution, map.attributionKana, text.language))}</a>`
  return (
    <MapContainer center={map.center} zoom={map.zoom} maxZoom={map.maxZoom} className={styles.map} zoomControl={false} attributionControl={false} scrollWheelZoom={false}>
      <TileLayer url={TILE_URL} maxZoom={map.maxZoom} errorTileUrl={BLANK_TILE} />
      <ZoomControl position="topleft" zoomInTitle={text.s('zoomIn')} zoomOutTitle={text.s('zoomOut')} />
      <AttributionControl position="bottomright" prefix={attribution} />
      <Markers {...props} />
    </MapContainer>
  )
}
