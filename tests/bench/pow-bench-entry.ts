import { solvePow } from '@/shared/proof-of-work/solve'
import type { PowChallenge } from '@/shared/proof-of-work/proof-schema'

/** Bundled and loaded into Chromium by pow-bench.ts: what a slot booking does before it is sent. */
export async function solveOnce(challenge: PowChallenge) {
  let longestTaskMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  const start = performance.now()
  const solution = await solvePow(challenge)
  const solveMs = performance.now() - start
  // Long tasks are reported after they end: give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  return { solveMs, longestTaskMs, solution }
}
