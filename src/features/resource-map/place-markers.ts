import { DomUtil, Layer, latLngBounds, point, type LatLngBounds, type LeafletEventHandlerFn, type LeafletMouseEvent, type Map as LeafletMap, type Point, type ZoomAnimEvent } from 'leaflet'

export interface MarkerPlace {
  id: string
  location: { lat: number; lng: number }
}

/** Where one place's marker is, as tests and the bench read it (the canvas has no element per marker). */
export interface MarkerProbe {
  id: string
  shown: boolean
  /** Centre in CSS pixels from the canvas's top-left corner. */
  x: number
  y: number
}

/** The marker canvas carries a probe of its layer, so tests can compare what it drew with the list. */
export type MarkerCanvas = HTMLCanvasElement & { placeMarkers?: { probe: () => MarkerProbe[] } }

export const MARKER_RADIUS = 9
const WEIGHT = 2
const FILL_OPACITY = 0.85
/** Drawn beyond each edge of the view, as a share of its size, so a short drag shows no empty edge. */
const PADDING = 0.1

/**
 * Every place as a circle on one canvas. A filter change sets which places are shown and paints
 * at once: no element per marker, so style, layout and paint do not grow with the number of
 * places. Made of public Leaflet calls only; pan and zoom follow the map like Leaflet's renderers.
 */
export class PlaceMarkers<P extends MarkerPlace = MarkerPlace> extends Layer {
  private readonly shown: Uint8Array
  /** The shown places in the order they are painted, bottom to top. */
  private order: number[]
  private readonly xs: Float64Array
  private readonly ys: Float64Array
  private projectedZoom = Number.NaN
  private canvas: MarkerCanvas | undefined
  /** Layer point of the canvas's top-left corner, the map's pixel origin and zoom at the last draw. */
  private topLeft: Point = point(0, 0)
  private origin: Point = point(0, 0)
  private drawnZoom = Number.NaN
  private frame = { width: 0, height: 0, ratio: 1 }
  private colors = { fill: '', stroke: '' }
  private sprite: { ratio: number; image: CanvasImageSource; size: number } | undefined

  constructor(
    readonly places: readonly P[],
    private readonly onSelect: (place: P) => void,
  ) {
    super()
    this.shown = new Uint8Array(places.length).fill(1)
    this.order = places.map((_, i) => i)
    this.xs = new Float64Array(places.length)
    this.ys = new Float64Array(places.length)
  }

  override onAdd(map: LeafletMap): this {
    const canvas: MarkerCanvas = document.createElement('canvas')
    canvas.className = 'place-markers leaflet-zoom-animated'
    canvas.placeMarkers = this
    this.getPane()?.append(canvas)
    this.canvas = canvas
    const style = getComputedStyle(map.getContainer())
    this.colors = { fill: style.getPropertyValue('--place-marker-fill').trim(), stroke: style.getPropertyValue('--place-marker-stroke').trim() }
    this.reset()
    return this
  }

  override onRemove(map: LeafletMap): this {
    this.canvas?.remove()
    this.canvas = undefined
    map.getContainer().style.cursor = ''
    return this
  }

  override getEvents(): Record<string, LeafletEventHandlerFn> {
    return {
      viewreset: this.reset,
      moveend: this.reset,
      zoom: () => this.transformTo(this._map.getCenter(), this._map.getZoom()),
      zoomanim: (e) => this.transformTo((e as ZoomAnimEvent).center, (e as ZoomAnimEvent).zoom),
      click: (e) => {
        const index = this.placeAt(e as LeafletMouseEvent)
        if (index !== undefined) this.onSelect(this.places[index] as P)
      },
      mousemove: (e) => {
        this._map.getContainer().style.cursor = this.placeAt(e as LeafletMouseEvent) === undefined ? '' : 'pointer'
      },
    }
  }

  /**
   * Shows exactly these places and paints now, so the markers are current when the list is. When
   * places are only added, they are painted on top of the canvas as it is (the markers look alike,
   * so the order between them does not show); otherwise the canvas is repainted.
   */
  setShown(ids: ReadonlySet<string>): void {
    const added: number[] = []
    let removed = false
    this.places.forEach((place, i) => {
      const show = ids.has(place.id) ? 1 : 0
      if (show === this.shown[i]) return
      if (show) added.push(i)
      else removed = true
      this.shown[i] = show
    })
    if (removed) this.order = this.order.filter((i) => this.shown[i])
    this.order.push(...added)
    if (removed) this.paint(this.order, true)
    else if (added.length > 0) this.paint(added, false)
  }

  shownBounds(): LatLngBounds | undefined {
    let [south, west, north, east] = [90, 180, -90, -180]
    for (let i = 0; i < this.places.length; i++) {
      if (!this.shown[i]) continue
      const { lat, lng } = (this.places[i] as P).location
      if (lat < south) south = lat
      if (lat > north) north = lat
      if (lng < west) west = lng
      if (lng > east) east = lng
    }
    return north < south ? undefined : latLngBounds([south, west], [north, east])
  }

  probe(): MarkerProbe[] {
    return this.places.map((place, i) => ({
      id: place.id,
      shown: this.shown[i] === 1,
      x: (this.xs[i] as number) - this.origin.x - this.topLeft.x,
      y: (this.ys[i] as number) - this.origin.y - this.topLeft.y,
    }))
  }

  private project(zoom: number): void {
    if (zoom === this.projectedZoom) return
    this.places.forEach((place, i) => {
      const p = this._map.project([place.location.lat, place.location.lng], zoom).round()
      this.xs[i] = p.x
      this.ys[i] = p.y
    })
    this.projectedZoom = zoom
  }

  /** Puts the canvas over the current view (after a move, a zoom or a resize) and paints it. */
  private reset(): void {
    const canvas = this.canvas
    const map = this._map
    if (!canvas || !map) return
    const size = map.getSize()
    const pad = size.multiplyBy(PADDING).round()
    this.frame = { width: size.x + 2 * pad.x, height: size.y + 2 * pad.y, ratio: window.devicePixelRatio || 1 }
    this.topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round()
    this.origin = map.getPixelOrigin()
    this.drawnZoom = map.getZoom()
    this.project(this.drawnZoom)
    DomUtil.setPosition(canvas, this.topLeft)
    canvas.width = Math.round(this.frame.width * this.frame.ratio)
    canvas.height = Math.round(this.frame.height * this.frame.ratio)
    canvas.style.width = `${this.frame.width}px`
    canvas.style.height = `${this.frame.height}px`
    this.paint(this.order, true)
  }

  /** Paints these places where the canvas is now (over what is there unless `clear`); during a zoom, the map scales the result. */
  private paint(indices: readonly number[], clear: boolean): void {
    const ctx = this.canvas?.getContext('2d')
    if (!ctx) return
    const { width, height, ratio } = this.frame
    const sprite = this.markerSprite(ratio)
    if (!sprite) return
    if (clear) ctx.clearRect(0, 0, Math.round(width * ratio), Math.round(height * ratio))
    const size = this.sprite?.size ?? 0
    const half = size / 2
    const dx = this.origin.x + this.topLeft.x
    const dy = this.origin.y + this.topLeft.y
    for (const i of indices) {
      const x = ((this.xs[i] as number) - dx) * ratio - half
      const y = ((this.ys[i] as number) - dy) * ratio - half
      if (x < -size || y < -size || x > width * ratio || y > height * ratio) continue
      ctx.drawImage(sprite, Math.round(x), Math.round(y))
    }
  }

  /**
   * One marker drawn once, in device pixels, then copied for each place: rasterising 2,000 circles
   * one by one took the main thread about 20 ms per change (Chrome, no GPU); copying takes a few.
   */
  private markerSprite(ratio: number): CanvasImageSource | undefined {
    if (this.sprite?.ratio === ratio) return this.sprite.image
    const size = Math.ceil((MARKER_RADIUS + WEIGHT) * 2 * ratio)
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(size, size) : Object.assign(document.createElement('canvas'), { width: size, height: size })
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
    if (!ctx) return undefined
    ctx.scale(ratio, ratio)
    ctx.beginPath()
    ctx.arc(size / ratio / 2, size / ratio / 2, MARKER_RADIUS, 0, 2 * Math.PI)
    ctx.globalAlpha = FILL_OPACITY
    ctx.fillStyle = this.colors.fill
    ctx.fill()
    ctx.globalAlpha = 1
    ctx.lineWidth = WEIGHT
    ctx.strokeStyle = this.colors.stroke
    ctx.stroke()
    // An ImageBitmap is a fixed image: copying it needs no snapshot of a live canvas per copy.
    const image = 'transferToImageBitmap' in canvas ? canvas.transferToImageBitmap() : canvas
    this.sprite = { ratio, image, size }
    return image
  }

  /** During a zoom, scale the drawn canvas as the tiles are scaled; it is redrawn when the zoom ends. */
  private transformTo(center: { lat: number; lng: number }, zoom: number): void {
    const map = this._map
    if (!this.canvas || !map || Number.isNaN(this.drawnZoom)) return
    const scale = map.getZoomScale(zoom, this.drawnZoom)
    const paneOffset = map.layerPointToContainerPoint([0, 0])
    const newOrigin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(paneOffset).round()
    DomUtil.setTransform(this.canvas, this.topLeft.add(this.origin).multiplyBy(scale).subtract(newOrigin), scale)
  }

  /** The topmost shown place under the pointer (the last painted is on top). */
  private placeAt(event: LeafletMouseEvent): number | undefined {
    if (this._map.getZoom() !== this.projectedZoom) return undefined
    const at = event.layerPoint.add(this._map.getPixelOrigin())
    const reach = (MARKER_RADIUS + WEIGHT / 2) ** 2
    for (let k = this.order.length - 1; k >= 0; k--) {
      const i = this.order[k] as number
      if (((this.xs[i] as number) - at.x) ** 2 + ((this.ys[i] as number) - at.y) ** 2 <= reach) return i
    }
    return undefined
  }
}
