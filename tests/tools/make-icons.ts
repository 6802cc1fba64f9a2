/**
 * Generates the PWA icons in public/icons/ from one SVG mark: two rounded shapes joined (つなぐ,
 * "to connect") in the theme colour on white. PNGs are rendered by headless Chromium, so what the
 * browser installs is exactly what the SVG shows.
 * Usage: npx tsx tests/tools/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { launchChromium } from './chromium'

const THEME = '#00118f'
const BACKGROUND = '#ffffff'
const outDir = resolve(import.meta.dirname, '../../public/icons')

/**
 * The mark on a 512×512 canvas, scaled around the centre. At scale 1 it spans 400 px; maskable
 * icons use a smaller scale so it stays inside the safe zone (a centred circle of radius 204.8 px).
 */
function mark(scale: number): string {
  const shapes = [
    // Left: a solid rounded square.
    `<rect x="56" y="156" width="200" height="200" rx="64" transform="rotate(-10 156 256)" fill="${THEME}"/>`,
    // Right: an open rounded square (a ring) overlapping it, with a white halo so the two read as linked.
    `<rect x="232" y="168" width="176" height="176" rx="56" transform="rotate(10 320 256)" fill="${BACKGROUND}" stroke="${BACKGROUND}" stroke-width="64"/>`,
    `<rect x="232" y="168" width="176" height="176" rx="56" transform="rotate(10 320 256)" fill="none" stroke="${THEME}" stroke-width="36"/>`,
  ].join('')
  const offset = 256 * (1 - scale)
  return `<g transform="translate(${offset} ${offset}) scale(${scale})">${shapes}</g>`
}

function svg({ scale, rounded }: { scale: number; rounded: boolean }): string {
  const background = rounded
    ? `<rect width="512" height="512" rx="96" fill="${BACKGROUND}"/>`
    : `<rect width="512" height="512" fill="${BACKGROUND}"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">${background}${mark(scale)}</svg>\n`
}

const icons: Array<{ file: string; size: number; scale: number; rounded: boolean }> = [
  { file: 'icon-192.png', size: 192, scale: 0.98, rounded: false },
  { file: 'icon-512.png', size: 512, scale: 0.98, rounded: false },
  // 400 px × 0.78 ≈ 312 px wide: the mark's far corners stay within the 204.8 px safe-zone radius.
  { file: 'icon-maskable-512.png', size: 512, scale: 0.78, rounded: false },
]

mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'icon.svg'), svg({ scale: 0.98, rounded: true }))

const browser = await launchChromium()
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 })
    const markup = svg(icon).replace('width="512" height="512"', `width="${icon.size}" height="${icon.size}"`)
    await page.setContent(`<!doctype html><html><body style="margin:0">${markup}</body></html>`)
    await page.screenshot({ path: join(outDir, icon.file), clip: { x: 0, y: 0, width: icon.size, height: icon.size } })
    await page.close()
    console.log(join(outDir, icon.file))
  }
} finally {
  await browser.close()
}
