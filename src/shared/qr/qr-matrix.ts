import { encode } from 'uqr'

/**
 * QR codes for flyers (DESIGN §8, reach). Error correction M by default (Q for codes that may be
 * folded or scuffed), always a quiet zone of 4 modules as ISO/IEC 18004 asks: with less, phones
 * misread codes printed close to text or a frame.
 */
export type QrEcc = 'M' | 'Q'
export const QUIET_ZONE = 4

/** The smallest module that prints and scans reliably on an office laser printer and a phone camera. */
export const MIN_MODULE_MM = 0.5

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number
  version: number
  /** `true` = dark module; rows of `size` entries, quiet zone included. */
  dark: boolean[][]
}

export function qrMatrix(text: string, ecc: QrEcc = 'M'): QrMatrix {
  const result = encode(text, { ecc, border: QUIET_ZONE })
  return { size: result.size, version: result.version, dark: result.data }
}

/** The smallest printed side (quiet zone included) the sheet offers for this code, in millimetres. */
export function minPrintMm(matrix: QrMatrix): number {
  return Math.ceil(matrix.size * MIN_MODULE_MM)
}

/**
 * Grey levels (0 black, 255 white), one byte a pixel, for a code printed `mm` wide at `dpi`:
 * each pixel takes the module under its centre, as a raster image processor does.
 */
export function rasterize(matrix: QrMatrix, side: number): { width: number; height: number; gray: Uint8Array } {
  const gray = new Uint8Array(side * side)
  const scale = matrix.size / side
  for (let y = 0; y < side; y++) {
    const row = matrix.dark[Math.floor((y + 0.5) * scale)]!
    for (let x = 0; x < side; x++) gray[y * side + x] = row[Math.floor((x + 0.5) * scale)] ? 0 : 255
  }
  return { width: side, height: side, gray }
}

export function pixelsFor(mm: number, dpi: number): number {
  return Math.round((mm / 25.4) * dpi)
}
