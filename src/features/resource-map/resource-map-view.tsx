import 'leaflet/dist/leaflet.css'
import { circleMarker, latLngBounds, layerGroup, type CircleMarker } from 'leaflet'
import { useEffect, useRef } from 'react'
import { AttributionControl, MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet'
import { useNavigate } from 'react-router'
import { withoutRuby } from '@/components/ruby-text'
import { deployment } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import type { Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import styles from './resource-map.module.css'

export interface ResourceMapViewProps {
  places: readonly Place[]
  visibleIds: ReadonlySet<string>
  placeHref: (id: string) => string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * One vector marker per place, made once; a filter change only shows or hides them, so 2,000 places
 * update within a frame. Hidden markers are `display: none`: not drawn, not clickable.
 */
function Markers({ places, visibleIds, placeHref }: ResourceMapViewProps) {
  const map = useMap()
  const navigate = useNavigate()
  const text = useText('map')
  const markers = useRef(new Map<string, CircleMarker>())
  const shownBefore = useRef(new Set<string>())
  const firstFit = useRef(true)

  useEffect(() => {
    const group = layerGroup().addTo(map)
    const made = new Map<string, CircleMarker>()
    for (const place of places) {
      const marker = circleMarker([place.location.lat, place.location.lng], { radius: 9, weight: 2, fillOpacity: 0.85, className: `place-marker place-marker--${place.id}` })
      marker.bindPopup(() => {
        const box = document.createElement('div')
        const name = document.createElement('strong')
        name.textContent = withoutRuby(textOf(place.name, text.language))
        const link = document.createElement('a')
        link.href = placeHref(place.id)
        link.textContent = text.s('openPlace')
        link.addEventListener('click', (event) => {
          event.preventDefault()
          navigate(placeHref(place.id))
        })
        box.append(name, document.createElement('br'), link)
        return box
      })
      marker.addTo(group)
      made.set(place.id, marker)
    }
    markers.current = made
    shownBefore.current = new Set(made.keys())
    return () => {
      group.remove()
    }
  }, [map, places, placeHref, navigate, text.language])

  useEffect(() => {
    const shown: Array<[number, number]> = []
    for (const [id, marker] of markers.current) {
      const visible = visibleIds.has(id)
      if (visible !== shownBefore.current.has(id)) {
        const element = marker.getElement() as SVGElement | undefined
        if (element) element.style.display = visible ? '' : 'none'
      }
      if (visible) {
        const { lat, lng } = marker.getLatLng()
        shown.push([lat, lng])
      }
    }
    shownBefore.current = new Set(visibleIds)
    // Zoom out to show every remaining place, but leave the view alone when they are already in it.
    if (firstFit.current) {
      firstFit.current = false
      return
    }
    if (shown.length > 0) {
      const bounds = latLngBounds(shown)
      if (!map.getBounds().contains(bounds)) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 })
    }
  }, [map, visibleIds, places])
  return null
}

/** Leaflet lives in this lazy chunk only. Markers are vectors, so they show on a plain background when no tile loads. */
export default function ResourceMapView(props: ResourceMapViewProps) {
  const text = useText('map')
  const { map } = deployment
  const attribution = `<a href="${escapeHtml(map.attributionUrl)}">${escapeHtml(map.attribution)}</a>`
  return (
    <MapContainer center={map.center} zoom={map.zoom} maxZoom={map.maxZoom} className={styles.map} zoomControl={false} attributionControl={false} scrollWheelZoom={false}>
      <TileLayer url={map.tileUrl} maxZoom={map.maxZoom} crossOrigin="anonymous" />
      <ZoomControl position="topleft" zoomInTitle={text.s('zoomIn')} zoomOutTitle={text.s('zoomOut')} />
      <AttributionControl position="bottomright" prefix={attribution} />
      <Markers {...props} />
    </MapContainer>
  )
}
