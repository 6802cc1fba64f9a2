import { qrMatrix, type QrEcc, type QrMatrix } from './qr-matrix'

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** One path of horizontal runs, one unit per module: small, and sharp at any print size. */
export function matrixPath(matrix: QrMatrix): string {
  const parts: string[] = []
  matrix.dark.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (x < row.length && row[x]) x++
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`)
    }
  })
  return parts.join('')
}

/**
 * A standalone SVG of the code with a white background over the whole quiet zone. `mm` sets the
 * printed size; `title` is the accessible name (the URL written out, in the caller's language).
 */
export function qrSvg(text: string, options: { ecc?: QrEcc; mm?: number; title?: string } = {}): string {
  const matrix = qrMatrix(text, options.ecc)
  const size = matrix.size
  const dimensions = options.mm ? ` width="${options.mm}mm" height="${options.mm}mm"` : ''
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : ''
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}"${dimensions} role="img" shape-rendering="crispEdges">` +
    `${title}<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${matrixPath(matrix)}"/></svg>`
  )
}
