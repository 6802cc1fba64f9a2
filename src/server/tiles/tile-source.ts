import { z } from 'zod'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Where the server fetches tiles: a URL template with {z}, {x} and {y}. https only, except a
 * loopback host (a local mirror, or the fake tile server of the tests).
 */
export const tileSourceSchema = z
  .url()
  .refine((u) => ['{z}', '{x}', '{y}'].every((part) => u.includes(part)), { error: 'errors.tileSource' })
  .refine(
    (u) => {
      const url = new URL(u.replace(/\{[a-z]\}/g, '0'))
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
    },
    { error: 'errors.tileSource' },
  )

export interface TileCoordinates {
  z: number
  x: number
  y: number
}

const INTEGER = /^(?:0|[1-9][0-9]{0,6})$/

/** `/tiles/{z}/{x}/{y}.png` with 0 ≤ z ≤ maxZoom and 0 ≤ x, y < 2^z; anything else is null. */
export function parseTilePath(z: string, x: string, file: string, maxZoom: number): TileCoordinates | null {
  const match = /^(.+)\.png$/.exec(file)
  if (!match || !INTEGER.test(z) || !INTEGER.test(x) || !INTEGER.test(match[1]!)) return null
  const tile = { z: Number(z), x: Number(x), y: Number(match[1]) }
  const size = 2 ** tile.z
  if (tile.z > maxZoom || tile.x >= size || tile.y >= size) return null
  return tile
}

export function tileUrl(source: string, tile: TileCoordinates): string {
  return source.replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y))
}
