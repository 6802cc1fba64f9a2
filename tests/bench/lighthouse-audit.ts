import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tools/chromium'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = (typeof CATEGORIES)[number]

export interface LighthouseFigures {
  scores: Record<Category, number>
  lcpMs: number
  /** Audits that lost points in accessibility or best practices, to say why a score is below 100. */
  failing: string[]
}

/**
 * One Lighthouse run (default config = mobile preset, simulated throttling) in a fresh Chromium with
 * a fresh profile, so no cache or service worker survives from an earlier run.
 */
export async function auditOnce(url: string, categories: readonly Category[] = CATEGORIES): Promise<LighthouseFigures> {
  process.env.CHROME_PATH = CHROMIUM_PATH
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'], logLevel: 'silent' })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100)
    const lcp = lhr.audits['largest-contentful-paint']?.numericValue
    if (lcp === undefined) throw new Error(`Lighthouse measured no LCP for ${url}`)
    const failing = (['accessibility', 'best-practices'] as const).flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category}/${ref.id}`),
    )
    return {
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
      lcpMs: lcp,
      failing,
    }
  } finally {
    chrome.kill()
  }
}

/** Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART, NO_FCP): try again. */
async function auditWithRetry(url: string, categories: readonly Category[], attempts = 3): Promise<LighthouseFigures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, categories)
    } catch (error) {
      if (attempt >= attempts) throw error
      console.warn(`[bench] Lighthouse run ${attempt} on ${url} failed (${error instanceof Error ? error.message : error}); retrying`)
    }
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) throw new Error('median of nothing')
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export interface LighthouseMedians {
  runs: LighthouseFigures[]
  scores: Record<Category, number>
  lcpMs: number
  failing: string[]
}

export function summarize(runs: LighthouseFigures[]): LighthouseMedians {
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => run.scores[category]))])) as Record<Category, number>
  return { runs, scores, lcpMs: median(runs.map((run) => run.lcpMs)), failing: [...new Set(runs.flatMap((run) => run.failing))] }
}

/**
 * Audits every URL `times` times, interleaved (a, b, c, a, b, c, …) so that a busy moment on the
 * shared machine does not fall on one page only; returns the median of each figure per URL. Only the
 * first URL gets every category; the others (baselines) only performance, which is all they are for.
 */
export async function auditInterleaved(urls: string[], times: number): Promise<LighthouseMedians[]> {
  const runs: LighthouseFigures[][] = urls.map(() => [])
  for (let round = 0; round < times; round++) {
    for (const [index, url] of urls.entries()) runs[index]?.push(await auditWithRetry(url, index === 0 ? CATEGORIES : ['performance']))
  }
  return runs.map(summarize)
}
