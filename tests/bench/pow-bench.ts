import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { solveChallenge } from 'altcha-lib'
import { deriveKey as nodeDeriveKey } from 'altcha-lib/algorithms/pbkdf2'
import { checkProof, DEFAULT_POW, makeChallenge } from '../../src/server/abuse/proof-of-work'
import type { PowChallenge, PowSolution } from '../../src/shared/proof-of-work/proof-schema'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'
import { bundle, median, serve } from './crypto-bench'

const RUNS = 12
const THROTTLE = 4
const TARGET_MS = 1000
const settings = { ...DEFAULT_POW, secret: 'pow-bench-secret-0123456789abcdef0123456789' }

type Solved = { solveMs: number; longestTaskMs: number; solution: PowSolution }

const round = (ms: number) => Math.round(ms)
const max = (values: number[]) => Math.max(...values)

/** What a script pays per slot: the same challenge solved with Node's native PBKDF2, one core. */
async function scriptSolveMs(runs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const challenge = await makeChallenge(settings)
    const start = performance.now()
    await solveChallenge({ challenge, deriveKey: nodeDeriveKey })
    times.push(performance.now() - start)
  }
  return times
}

/**
 * Proof-of-work of a slot booking (ALTCHA v2, PBKDF2/SHA-256, the default difficulty): solve time in
 * headless Chromium at 4× CPU throttling and without, the longest main-thread task meanwhile, and
 * a script's cost with native PBKDF2. Every solution is checked by the server code.
 */
export async function run(): Promise<BenchSection> {
  const outDir = await mkdtemp(join(tmpdir(), 'tsunagu-pow-bench-'))
  let server: Server | undefined
  const browser = await launchChromium()
  try {
    await bundle(outDir, 'tests/bench/pow-bench-entry.ts')
    server = await serve(outDir)
    const { port } = server.address() as AddressInfo
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.evaluate(async () => {
      ;(globalThis as unknown as { bench: unknown }).bench = await import('/bench.js' as string)
    })
    const cdp = await page.context().newCDPSession(page)
    const used = new Set<string>()
    const solve = async (): Promise<Solved> => {
      const challenge: PowChallenge = await makeChallenge(settings)
      const solved = await page.evaluate((c) => (globalThis as unknown as { bench: { solveOnce(c: unknown): Promise<Solved> } }).bench.solveOnce(c), challenge)
      const refusal = await checkProof(settings, { challenge, solution: solved.solution }, async (s) => !used.has(s) && Boolean(used.add(s)))
      if (refusal) throw new Error(`the server refused a solution: ${refusal}`)
      return solved
    }
    await solve() // warm-up
    const baseline: Solved[] = []
    const throttled: Solved[] = []
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
      baseline.push(await solve())
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
      throttled.push(await solve())
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const script = await scriptSolveMs(RUNS)

    const t = throttled.map((s) => s.solveMs)
    const b = baseline.map((s) => s.solveMs)
    const difficulty = `${settings.cost.toLocaleString('en')} PBKDF2 rounds × counter ${settings.maxCounter / 2}–${settings.maxCounter}`
    return {
      title: `Proof-of-work of a slot booking in Chromium (${difficulty}; median and max of ${RUNS})`,
      rows: [
        { name: `solve at ${THROTTLE}× CPU throttling, median`, value: round(median(t)), unit: 'ms', target: `< ${TARGET_MS} ms`, ok: median(t) < TARGET_MS },
        { name: `solve at ${THROTTLE}× CPU throttling, max`, value: round(max(t)), unit: 'ms' },
        { name: 'solve, no throttling (baseline, same run), median / max', value: `${round(median(b))} / ${round(max(b))}`, unit: 'ms' },
        // CDP throttling slows JavaScript, not the native PBKDF2 inside WebCrypto: the pessimistic case too.
        { name: `baseline × ${THROTTLE} (native crypto slowed too, pessimistic), median`, value: round(median(b) * THROTTLE), unit: 'ms', target: `< ${TARGET_MS} ms`, ok: median(b) * THROTTLE < TARGET_MS },
        { name: `baseline × ${THROTTLE}, max`, value: round(max(b) * THROTTLE), unit: 'ms' },
        { name: `longest main-thread task while solving at ${THROTTLE}×`, value: round(max(throttled.map((s) => s.longestTaskMs))), unit: 'ms', target: '< 50 ms (input stays responsive)', ok: max(throttled.map((s) => s.longestTaskMs)) < 50 },
        { name: 'a script with native PBKDF2 (Node, one core), median / max', value: `${round(median(script))} / ${round(max(script))}`, unit: 'ms per slot' },
      ],
    }
  } finally {
    await browser.close()
    server?.close()
    await rm(outDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table((await run()).rows)
}
