// @vitest-environment node
import { inflateSync } from 'node:zlib'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { minPrintMm, MIN_MODULE_MM, pixelsFor, qrMatrix, QUIET_ZONE, rasterize, type QrEcc } from '@/shared/qr/qr-matrix'
import { qrPng } from '@/shared/qr/qr-png'
import { matrixPath, qrSvg } from '@/shared/qr/qr-svg'

const ORIGIN = 'https://tsunagu.example.city.tokyo.lg.jp'
/** Every kind of target the flyer page offers, as short links and as the full URLs they stand for. */
const URLS = [
  `${ORIGIN}/q/k7p2x9`,
  `${ORIGIN}/q/2026-06-kuho-tokushu`,
  `${ORIGIN}/?src=k7p2x9&lang=ja-easy`,
  `${ORIGIN}/book?window=toshima&src=k7p2x9&lang=en`,
  `${ORIGIN}/who-can-consult?src=k7p2x9`,
  `${ORIGIN}/map?kind=family,women&area=toshima&src=k7p2x9`,
  `${ORIGIN}/map/places/toshima-hikikomori-window?src=k7p2x9`,
  `${ORIGIN}/events?src=k7p2x9`,
]

function decodeGray(width: number, height: number, gray: Uint8Array): string | null {
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < gray.length; i++) rgba.set([gray[i]!, gray[i]!, gray[i]!, 255], i * 4)
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

/** Reads a PNG as a decoder would: chunks, CRC-free here, zlib, filter 0 rows of 8-bit grey. */
function readPng(png: Uint8Array): { width: number; height: number; gray: Uint8Array; dpi: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  let at = 8
  let width = 0
  let height = 0
  let dpi = 0
  const idat: Uint8Array[] = []
  while (at < png.length) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    const data = png.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = view.getUint32(at + 8)
      height = view.getUint32(at + 12)
      expect([...data.subarray(8, 13)]).toEqual([8, 0, 0, 0, 0])
    }
    if (type === 'pHYs') dpi = Math.round(view.getUint32(at + 8) * 0.0254)
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const gray = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0)
    gray.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width)
  }
  return { width, height, gray, dpi }
}

/** Draws the SVG's path back into modules, the way any SVG renderer fills it. */
function readSvg(svg: string): { size: number; dark: boolean[][] } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1])
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(w); i++) dark[Number(y)]![Number(x) + i] = true
  }
  return { size, dark }
}

describe('QR コード（uqr で作り、別の読み取り器 jsQR で読み返す）', () => {
  for (const ecc of ['M', 'Q'] as QrEcc[]) {
    it(`誤り訂正 ${ecc}: SVG はすべて、書いた URL そのままに読める`, () => {
      for (const url of URLS) {
        const svg = qrSvg(url, { ecc, mm: 30, title: url })
        expect(svg).toContain('width="30mm"')
        const drawn = readSvg(svg)
        expect(drawn.dark).toEqual(qrMatrix(url, ecc).dark)
        const { width, height, gray } = rasterize({ ...drawn, version: 0 }, drawn.size * 8)
        expect(decodeGray(width, height, gray)).toBe(url)
      }
    })

    it(`誤り訂正 ${ecc}: 印刷用 PNG（600 dpi）はすべて読めて、解像度が入っている`, async () => {
      for (const url of URLS) {
        const png = readPng(await qrPng(url, { mm: 40, ecc }))
        expect(png.dpi).toBe(600)
        expect(png.width).toBe(pixelsFor(40, 600))
        expect(decodeGray(png.width, png.height, png.gray)).toBe(url)
      }
    })

    it(`誤り訂正 ${ecc}: シートで選べるいちばん小さいサイズ（1モジュール ${MIN_MODULE_MM} mm）でも、300 dpi の印刷で読める`, async () => {
      for (const url of URLS) {
        const matrix = qrMatrix(url, ecc)
        const mm = minPrintMm(matrix)
        expect(mm).toBeLessThanOrEqual(35)
        const png = readPng(await qrPng(url, { mm, dpi: 300, ecc }))
        expect(decodeGray(png.width, png.height, png.gray)).toBe(url)
      }
    })
  }

  it('まわりに 4 モジュールの白い余白（クワイエットゾーン）がある', () => {
    for (const url of URLS) {
      const { dark, size } = qrMatrix(url)
      for (let i = 0; i < QUIET_ZONE; i++) {
        expect(dark[i]!.some(Boolean)).toBe(false)
        expect(dark[size - 1 - i]!.some(Boolean)).toBe(false)
        expect(dark.some((row) => row[i] || row[size - 1 - i])).toBe(false)
      }
      expect(dark[QUIET_ZONE]![QUIET_ZONE]).toBe(true)
    }
  })

  it('SVG の題名は XML として安全', () => {
    expect(qrSvg(`${ORIGIN}/?a=1&b=<2>`, { title: '"&<>' })).toContain('<title>&quot;&amp;&lt;&gt;</title>')
    expect(matrixPath(qrMatrix('x'))).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/)
  })
})
