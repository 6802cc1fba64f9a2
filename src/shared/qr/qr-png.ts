import { pixelsFor, qrMatrix, rasterize, type QrEcc } from './qr-matrix'

/**
 * A PNG written byte by byte (8-bit greyscale, zlib through CompressionStream), so the browser,
 * Node and workerd make the same file with no canvas and no library. The pHYs chunk carries the
 * resolution, so a word processor places it at the intended size.
 */

const CRC_TABLE = /* @__PURE__ */ (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export async function encodeGrayPng(width: number, height: number, gray: Uint8Array, dpi: number): Promise<Uint8Array> {
  const header = new Uint8Array(13)
  const h = new DataView(header.buffer)
  h.setUint32(0, width)
  h.setUint32(4, height)
  header.set([8, 0, 0, 0, 0], 8)
  const physical = new Uint8Array(9)
  const p = new DataView(physical.buffer)
  const perMetre = Math.round(dpi / 0.0254)
  p.setUint32(0, perMetre)
  p.setUint32(4, perMetre)
  physical[8] = 1
  const raw = new Uint8Array((width + 1) * height)
  for (let y = 0; y < height; y++) raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('IDAT', await zlib(raw)),
    chunk('IEND', new Uint8Array()),
  ]
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    png.set(part, at)
    at += part.length
  }
  return png
}

/** The code as a PNG printed `mm` wide at `dpi` (600 by default: sharp on any office printer). */
export async function qrPng(text: string, options: { mm: number; dpi?: number; ecc?: QrEcc }): Promise<Uint8Array> {
  const dpi = options.dpi ?? 600
  const { width, height, gray } = rasterize(qrMatrix(text, options.ecc), pixelsFor(options.mm, dpi))
  return encodeGrayPng(width, height, gray, dpi)
}
