import { describe, expect, it } from 'vitest'
import { fuzzAll, printReport } from '../reliability/fuzz-all/run'
import { ROUTES, uncoveredRoutes } from '../reliability/fuzz-all/routes'

// CI-sized; the full run (100,000 requests): npx tsx tests/reliability/fuzz-all.ts
describe('fuzzing: すべての公開・職員のエンドポイントに、悪意のある要求を HTTP で送る', () => {
  it('アプリのすべてのルートが、ファズの対象に入っている', () => {
    expect(uncoveredRoutes()).toEqual([])
  })

  it('5,000 件: 5xx なし、どのエラーも 4xx と既知のキー、保存済みの行は変わらない', async () => {
    const report = await fuzzAll({ count: 5_000, seed: Number(process.env.FUZZ_SEED ?? 12) })
    printReport(report)
    expect(report.failures).toEqual([])
    expect(report.changedTables).toEqual([])
    expect(report.total).toBe(5_000)
    expect([...report.byRoute.keys()].sort()).toEqual(ROUTES.map((r) => r.label).sort())
    const statuses = new Set([...report.byRoute.values()].flatMap((s) => [...s.keys()]))
    for (const status of [400, 401, 403, 404, 413, 415]) expect(statuses).toContain(status)
  }, 300_000)
})
