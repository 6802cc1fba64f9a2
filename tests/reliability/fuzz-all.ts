import { fuzzAll, printReport } from './fuzz-all/run'

/**
 * Hostile input (issue 12): `npx tsx tests/reliability/fuzz-all.ts [count] [seed] [node|workerd]`
 * sends `count` (default 100,000) fuzzed requests to every route of two real Node servers on SQLite
 * files (or of the Workers entry in workerd on a local D1) and exits non-zero on any 5xx, any error
 * without a known key, or any stored row changed.
 */
const count = Number(process.argv[2] ?? 100_000)
const seed = Number(process.argv[3] ?? 12)
const runtime = process.argv[4] === 'workerd' ? 'workerd' : 'node'
const report = await fuzzAll({ count, seed, runtime })
printReport(report)
process.exit(report.failures.length === 0 ? 0 : 1)
