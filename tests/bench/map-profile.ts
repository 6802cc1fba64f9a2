/**
 * Where a filter change spends its time: the map bench's page and changes, with a Chromium trace and
 * a CPU profile. Not a bench (it reports no target); a tool for reading what dominates.
 *   npx tsx tests/bench/map-profile.ts [rate=4] [distDir=dist]
 * For readable function names, build an unminified copy first:
 *   NODE_ENV=production npx vite build --outDir /tmp/dist-prof --minify false
 *   npx tsx tests/bench/map-profile.ts 4 /tmp/dist-prof
 * Environment: PROFILE_EACH=1 prints each change's main-thread events; PROFILE_ONLY=4,7 counts CPU time
 * only for those positions of the click cycle; PROFILE_CSS='…' adds a style (hide a part to see what
 * it costs); PROFILE_TRACE=file.json saves the trace events; PROFILE_CATEGORIES sets the trace's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startNodeServer } from '../../src/server/node'
import { interceptTiles } from '../browser/map-helpers'
import { launchChromium } from '../tools/chromium'
import { CLICKS, generatedPlaces } from './map-bench'

const rate = Number(process.argv[2] ?? 4)
const distDir = resolve(process.argv[3] ?? 'dist')
const CHANGES = 24

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  args?: { data?: { type?: string } }
}
interface CpuProfile {
  startTime: number
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

/** Main-thread phases, by the trace's top-level events. */
function phaseOf(event: TraceEvent): string {
  if (event.name === 'EventDispatch') return event.args?.data?.type === 'click' ? 'click handler (React render, commit, effects)' : 'other input events'
  if (event.name === 'UpdateLayoutTree') return 'style'
  if (event.name === 'Layout') return 'layout'
  if (['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit'].includes(event.name)) return 'paint'
  return 'other tasks (timers, frames, GC)'
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-map-profile-'))
const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir })
const browser = await launchChromium()
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
  await interceptTiles(context)
  const places = JSON.stringify(generatedPlaces(2000))
  await context.route('**/data/places.json', (route) => route.fulfill({ contentType: 'application/json', body: places }))
  await context.route('**/data/events.json', (route) => route.fulfill({ contentType: 'application/json', body: '[]' }))
  const page = await context.newPage()
  await page.goto(`${server.url}/map`)
  await page.getByTestId('place-list').waitFor()
  await page.getByRole('button', { name: /^条件でしぼる/ }).click()
  if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS })
  await page.waitForTimeout(1500)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])))
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Tracing.start', { categories: process.env.PROFILE_CATEGORIES ?? 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' })
  await cdp.send('Profiler.start')
  for (let i = 0; i < CHANGES; i++) {
    await page.getByRole('checkbox', { name: CLICKS[i % CLICKS.length] as string, exact: true }).evaluate((el) => el.setAttribute('data-bench-target', ''))
    // The bench's measurement, between two marks.
    await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-bench-target]') as HTMLInputElement
      input.removeAttribute('data-bench-target')
      performance.mark('change-start')
      input.click()
      await new Promise((r) => setTimeout(r, 0))
      void document.body.offsetHeight
      performance.mark('change-end')
    })
    await page.waitForTimeout(150)
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  await done
  if (process.env.PROFILE_TRACE) writeFileSync(process.env.PROFILE_TRACE, JSON.stringify(events))

  const marks = events.filter((e) => e.name === 'change-start' || e.name === 'change-end').sort((a, b) => a.ts - b.ts)
  const windows = marks.flatMap((m, i) => (m.name === 'change-start' && marks[i + 1]?.name === 'change-end' ? [[m.ts, (marks[i + 1] as TraceEvent).ts] as const] : []))
  const mainThread = marks[0]?.tid
  const phases = new Map<string, number[]>()
  const totals: number[] = []
  for (const [start, end] of windows) {
    const inside = events.filter((e) => e.ph === 'X' && e.tid === mainThread && e.ts >= start && e.ts + (e.dur ?? 0) <= end).sort((a, b) => a.ts - b.ts)
    const sums = new Map<string, number>()
    let coveredUntil = 0
    for (const e of inside) {
      if (e.ts < coveredUntil) continue
      coveredUntil = e.ts + (e.dur ?? 0)
      sums.set(phaseOf(e), (sums.get(phaseOf(e)) ?? 0) + (e.dur ?? 0) / 1000)
    }
    const busy = [...sums.values()].reduce((a, b) => a + b, 0)
    sums.set('waiting (main thread idle: frame, timer, other processes)', (end - start) / 1000 - busy)
    totals.push((end - start) / 1000)
    if (process.env.PROFILE_EACH) {
      const long = inside.filter((e) => (e.dur ?? 0) > 500)
      const described = long.map((e) => `+${((e.ts - start) / 1000).toFixed(1)} ${e.name}${e.args?.data?.type ? `(${e.args.data.type})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
      console.log(`change ${totals.length - 1}: ${((end - start) / 1000).toFixed(1)} ms`, described.join(' | '))
    }
    for (const [phase, ms] of sums) phases.set(phase, [...(phases.get(phase) ?? []), ms])
  }
  console.log(`${windows.length} filter changes at ${rate}× throttling, median of each part (ms; the parts' medians need not add up):`)
  console.log(`${median(totals).toFixed(1).padStart(7)}  click to updated list and markers (the bench's measure)`)
  for (const [phase, values] of [...phases].sort((a, b) => median(b[1]) - median(a[1]))) console.log(`${median(values).toFixed(1).padStart(7)}  ${phase}`)

  // Inclusive CPU time per app function (a sample counts once for each function on its stack).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map<string, number>()
  const only = process.env.PROFILE_ONLY?.split(',').map(Number)
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    if (!windows.some(([start, end], w) => at >= start && at <= end && (!only || only.includes(w % CLICKS.length)))) return
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = (byId.get(node) as CpuProfile['nodes'][number]).callFrame
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
      seen.add(key)
    }
  })
  console.log('\nCPU time per change by function (inclusive):')
  const counted = windows.filter((_, w) => !only || only.includes(w % CLICKS.length)).length
  for (const [key, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(ms / counted).toFixed(2).padStart(7)}  ${key}`)
} finally {
  await browser.close()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
}
