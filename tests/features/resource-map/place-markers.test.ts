import { map as leafletMap, type LeafletMouseEvent, type Map as LeafletMap } from 'leaflet'
import { afterEach, describe, expect, it } from 'vitest'
import { PlaceMarkers, type MarkerCanvas, type MarkerPlace } from '@/features/resource-map/place-markers'

const places: MarkerPlace[] = [
  { id: 'toshima', location: { lat: 35.7324, lng: 139.7155 } },
  { id: 'bunkyo', location: { lat: 35.708, lng: 139.7524 } },
  { id: 'bunkyo-next-door', location: { lat: 35.708, lng: 139.7525 } },
]

let map: LeafletMap | undefined
afterEach(() => {
  map?.remove()
  document.body.replaceChildren()
})

function setUp() {
  const container = document.createElement('div')
  document.body.append(container)
  map = leafletMap(container, { center: [35.72, 139.73], zoom: 13 })
  const selected: string[] = []
  const layer = new PlaceMarkers(places, (place) => selected.push(place.id)).addTo(map)
  return { map, layer, selected }
}

/** A click on the map where a place's marker is drawn (its centre, or `dx` pixels to the right). */
function clickOn(map: LeafletMap, place: MarkerPlace, dx = 0) {
  const layerPoint = map.latLngToLayerPoint([place.location.lat, place.location.lng]).add([dx, 0])
  map.fire('click', { layerPoint, latlng: map.layerPointToLatLng(layerPoint), containerPoint: map.layerPointToContainerPoint(layerPoint) } as Partial<LeafletMouseEvent>)
}

describe('地図の印（キャンバス）', () => {
  it('しぼりこむと、残った場所だけが印になり、ほかの印は押せない', () => {
    const { map, layer, selected } = setUp()
    const canvas = map.getContainer().querySelector<MarkerCanvas>('canvas.place-markers')
    expect(canvas?.placeMarkers?.probe().filter((m) => m.shown).map((m) => m.id)).toEqual(['toshima', 'bunkyo', 'bunkyo-next-door'])

    layer.setShown(new Set(['bunkyo']))
    expect(canvas?.placeMarkers?.probe().filter((m) => m.shown).map((m) => m.id)).toEqual(['bunkyo'])
    clickOn(map, places[0]!)
    expect(selected).toEqual([])
    // Two places a few pixels apart: the one still shown answers, even where the hidden one was drawn on top.
    clickOn(map, places[2]!, 2)
    expect(selected).toEqual(['bunkyo'])
  })

  it('押した印がいちばん上に描いた場所を開き、印の外では何も開かない', () => {
    const { map, selected } = setUp()
    clickOn(map, places[1]!)
    expect(selected).toEqual(['bunkyo-next-door'])
    clickOn(map, places[0]!, 30)
    expect(selected).toEqual(['bunkyo-next-door'])
  })

  it('あとから足した印は上に描かれ、重なったところを押すとその場所が開く', () => {
    const { map, layer, selected } = setUp()
    layer.setShown(new Set(['bunkyo-next-door']))
    layer.setShown(new Set(['bunkyo-next-door', 'bunkyo']))
    clickOn(map, places[2]!)
    expect(selected).toEqual(['bunkyo'])
  })

  it('残った場所の範囲を返し、何も残らなければ返さない', () => {
    const { layer } = setUp()
    layer.setShown(new Set(['toshima', 'bunkyo']))
    const bounds = layer.shownBounds()
    expect([bounds?.getSouth(), bounds?.getWest(), bounds?.getNorth(), bounds?.getEast()]).toEqual([35.708, 139.7155, 35.7324, 139.7524])
    layer.setShown(new Set())
    expect(layer.shownBounds()).toBeUndefined()
  })

  it('地図から外すと、キャンバスも消える', () => {
    const { map, layer } = setUp()
    expect(map.getContainer().querySelector('canvas.place-markers')).not.toBeNull()
    layer.remove()
    expect(map.getContainer().querySelector('canvas.place-markers')).toBeNull()
    // Its handlers went with it: the map keeps working.
    expect(() => clickOn(map, places[0]!)).not.toThrow()
    expect(() => map.fire('mousemove', { layerPoint: map.latLngToLayerPoint([35.72, 139.73]) })).not.toThrow()
  })
})
