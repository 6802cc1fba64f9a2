import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A 1×1 PNG: the fake tile. */
export const FAKE_TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

export interface ReceivedTileRequest {
  path: string
  headers: IncomingHttpHeaders
  /** The address the request came from, as the tile operator would see it. */
  from: string
}

/**
 * A stand-in for the tile server on 127.0.0.1: `/{z}/{x}/{y}.png` answers a PNG, except tiles whose
 * y is 404 (never there) or 500 (a failing server). `GET /__received` lists what it was asked, with
 * the headers, for tests in another process (the browser tests' server runs in the global setup).
 */
export async function startFakeTileOrigin() {
  const received: ReceivedTileRequest[] = []
  const server = createServer((request, response) => {
    const path = request.url ?? '/'
    if (path === '/__received') {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify(received))
      return
    }
    received.push({ path, headers: request.headers, from: request.socket.remoteAddress ?? '' })
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path)
    const y = match?.[3]
    if (!match || y === '404') {
      response.writeHead(404, { 'Content-Type': 'text/plain' })
      response.end('not found')
    } else if (y === '500') {
      response.writeHead(500, { 'Content-Type': 'text/plain' })
      response.end('broken')
    } else {
      response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': FAKE_TILE.length })
      response.end(FAKE_TILE)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    /** The template to configure as TILE_SOURCE. */
    source: `${origin}/{z}/{x}/{y}.png`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
