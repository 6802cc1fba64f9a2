import { Agent, request } from 'node:http'
import { isDeepStrictEqual } from 'node:util'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { generateCases, type FuzzCase } from './cases'
import { knownErrorKeys } from './error-keys'
import { uncoveredRoutes } from './routes'
import type { World } from './world'
import { startWorldProcess } from './world-process'
import { startWorkerdWorld } from './world-workerd'

export interface FuzzOptions {
  count: number
  /** Requests in flight at once. */
  concurrency?: number
  seed?: number
  /** Share of the requests sent to the server with default rate limits (429s included). */
  limitedShare?: number
  /** node: two Node servers on SQLite files (open and default limits); workerd: the Workers entry on a local D1, limits lifted. */
  runtime?: 'node' | 'workerd'
}

export interface FuzzReport {
  runtime: 'node' | 'workerd'
  seed: number
  total: number
  /** Requests sent again after a reset kept-alive connection. */
  resent: number
  seconds: number
  byRoute: Map<string, Map<number, number>>
  byWhat: Map<string, number>
  failures: string[]
  untranslatedKeys: Set<string>
  changedTables: string[]
}

/**
 * Rows a rejected request may change, left out of the comparison:
 * - staff_challenges: POST /api/staff/login/options hands a new single-use WebAuthn challenge to
 *   anyone who asks (it must, before sign-in), and a failed POST /api/staff/login consumes the one
 *   it names; they are ceremony state that expires in 5 minutes, not anyone's data.
 * - staff_sessions.last_seen_at: every signed-in request moves the idle timer (at most once a minute).
 * - _cf_METADATA, _mf_entries (workerd only): the local runtime's own bookkeeping of the D1 object.
 */
function comparable(snapshot: Record<string, unknown[]>) {
  const { staff_challenges: _ceremonies, _cf_METADATA: _runtime, _mf_entries: _objects, ...rest } = snapshot
  rest.staff_sessions = (rest.staff_sessions ?? []).map((row) => ({ ...(row as object), last_seen_at: null }))
  return rest
}

function describeCase(world: World, c: FuzzCase) {
  const size = c.body === undefined ? 0 : typeof c.body === 'string' ? c.body.length : c.body.byteLength
  return `[${world.name}] ${c.method} ${c.path.slice(0, 160)} (${c.route}; ${c.what}; body ${size} chars${c.streamed ? ', streamed' : ''}; headers ${JSON.stringify(c.headers).slice(0, 400)})`
}

/** One connection per request in flight, all busy: none sits idle until the server's keep-alive timeout closes it. */
const agents = new Map<number, Agent>()
const agentFor = (concurrency: number) => agents.get(concurrency) ?? agents.set(concurrency, new Agent({ keepAlive: true, maxSockets: concurrency })).get(concurrency)!

/**
 * node:http rather than fetch: the path goes out as written (fetch would resolve `%2e%2e` and
 * encode what it does not like), and a body without Content-Length goes out chunked.
 */
function send(world: World, c: FuzzCase, agent: Agent | false): Promise<{ status: number; type: string; text: string }> {
  const { hostname, port } = new URL(world.url)
  const path = c.path.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch))
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method: c.method, headers: c.headers, agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        try {
          done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: decoded(Buffer.concat(chunks), res.headers['content-encoding']).toString() })
        } catch (error) {
          fail(error)
        }
      })
      res.on('error', fail)
    })
    req.on('error', fail)
    req.on('timeout', () => req.destroy(new Error('no answer in 60 s')))
    if (c.body === undefined) return void req.end()
    // Node frames a body by itself only for some methods: a DELETE or OPTIONS body says how, as a browser's would.
    if (c.streamed) req.setHeader('transfer-encoding', 'chunked')
    else req.setHeader('content-length', typeof c.body === 'string' ? Buffer.byteLength(c.body) : c.body.byteLength)
    req.end(c.body)
  })
}

/**
 * The body as sent before content coding: workerd compresses an answer when the request's
 * Accept-Encoding allows it (hostile values such as `br;q=2, gzip;q=-1, *` included); node:http does not decode.
 */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  // A HEAD answer says how its body would be coded, and has none.
  if (body.length === 0) return body
  if (encoding === 'br') return brotliDecompressSync(body)
  if (encoding === 'gzip') return gunzipSync(body)
  if (encoding === 'deflate') return inflateSync(body)
  return body
}

/** Accept-Encoding that refuses identity and every coding the runtime has (e.g. `identity;q=0`). */
const refusesEveryCoding = (value: string | undefined) => value !== undefined && /identity;q=0(\.0*)?\s*(,|$)/.test(value) && !/(^|,)\s*(br|gzip|\*)\s*(;q=(0\.0*[1-9]|1))?\s*(,|$)/.test(value)

/** What is wrong with the answer to a case, or null. */
function judge(c: FuzzCase, answer: { status: number; type: string; text: string }, known: Set<string>, seen: Set<string>): string | null {
  const { status } = answer
  // A Range a file cannot satisfy: the HTTP answer (empty body) for a page or file, not for the API.
  if (status === 416 && !c.path.startsWith('/api/') && answer.text === '') return null
  // Node's HTTP parser refuses a request line and headers past 16 KiB before the app sees them.
  const headBytes = c.path.length + Object.entries(c.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0)
  if (status === 431 && headBytes > 14_000) return null
  // workerd itself answers 415 text/plain when the client accepts no content coding it can send (the app never runs).
  if (status === 415 && answer.type.startsWith('text/plain') && answer.text === 'Unsupported Media Type' && refusesEveryCoding(c.headers['accept-encoding'])) return null
  if (status >= 500) return `answered ${status}: ${answer.text.slice(0, 120)}`
  if (c.expect === 'error' && (status < 400 || status >= 500)) return `answered ${status}, expected a 4xx`
  if (status < 400 || c.method === 'HEAD') return null
  if (!answer.type.startsWith('application/json')) return `a ${status} without a JSON key (${answer.type}): ${answer.text.slice(0, 80)}`
  let json: { error?: unknown; fields?: Array<{ key?: unknown }> }
  try {
    json = JSON.parse(answer.text) as typeof json
  } catch {
    return `a ${status} whose body is not JSON`
  }
  if (typeof json.error !== 'string' || !known.has(json.error)) return `a ${status} with an unknown error key ${JSON.stringify(json.error)}`
  seen.add(json.error)
  for (const field of json.fields ?? []) if (typeof field.key !== 'string' || !/^validation\.[A-Za-z]+$/.test(field.key)) return `a field without a validation key: ${JSON.stringify(field)}`
  return null
}

/**
 * Sends `count` fuzzed requests over HTTP to two real Node servers on SQLite files (most to one with
 * rate limits out of the way, a share to one with the defaults), checks every answer, and compares
 * every stored row before and after.
 */
export async function fuzzAll(options: FuzzOptions): Promise<FuzzReport> {
  const { count, concurrency = 16, seed = 12, runtime = 'node' } = options
  const limitedShare = runtime === 'workerd' ? 0 : (options.limitedShare ?? 0.1)
  const failures = uncoveredRoutes().map((label) => `route not fuzzed: ${label}`)
  const { known, translated } = knownErrorKeys()
  const worlds = runtime === 'workerd' ? [await startWorkerdWorld()] : await Promise.all([startWorldProcess('open'), startWorldProcess('limited')])
  const before = await Promise.all(worlds.map((w) => w.snapshot()))
  const limitedCount = Math.round(count * limitedShare)
  const queue: Array<[World, Generator<FuzzCase>]> = worlds.map((world, i) => [world, generateCases(world, i === 0 ? count - limitedCount : limitedCount, seed + i * 1_000_000)])
  const byRoute = new Map<string, Map<number, number>>()
  const byWhat = new Map<string, number>()
  const seen = new Set<string>()
  let total = 0
  let resent = 0
  const started = performance.now()
  let lastPrint = started
  let picked = 0
  // The limited share goes interleaved with the rest, so its 429s come while the rest is flowing.
  const next = (): [World, FuzzCase] | null => {
    const limitedFirst = limitedShare > 0 && picked++ % Math.round(1 / limitedShare) === 0
    for (const [world, cases] of limitedFirst ? [...queue].reverse() : queue) {
      const item = cases.next()
      if (!item.done) return [world, item.value]
    }
    return null
  }
  const worker = async () => {
    for (let item = next(); item; item = next()) {
      const [world, c] = item
      total++
      let failure: string | null
      let status = 0
      try {
        let answer
        try {
          answer = await send(world, c, agentFor(concurrency))
        } catch (error) {
          // A kept-alive connection the server closed as the request went out (the client's race, not
          // the server's answer): sent again once on a new connection. Counted in the report.
          if (!/socket hang up|ECONNRESET/.test(String((error as Error).message))) throw error
          resent++
          answer = await send(world, c, false)
        }
        status = answer.status
        failure = judge(c, answer, known, seen)
      } catch (error) {
        failure = `no answer: ${(error as Error).name} ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`
      }
      const statuses = byRoute.get(c.route) ?? new Map<number, number>()
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
      byRoute.set(c.route, statuses)
      for (const what of c.what.split('+')) byWhat.set(what, (byWhat.get(what) ?? 0) + 1)
      if (failure && failures.length < 200) {
        failures.push(`${describeCase(world, c)}: ${failure}`)
        console.log(`[fuzz] FAIL ${failures.at(-1)}`)
      }
      if (performance.now() - lastPrint > 10_000) {
        lastPrint = performance.now()
        console.log(`[fuzz] ${total} sent, ${Math.round(total / ((lastPrint - started) / 1000))} req/s, ${failures.length} failures`)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  const after = await Promise.all(worlds.map((w) => w.snapshot()))
  const changedTables: string[] = []
  worlds.forEach((world, i) => {
    const [was, now] = [comparable(before[i]!), comparable(after[i]!)]
    for (const table of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (!isDeepStrictEqual(was[table], now[table])) changedTables.push(`${world.name}:${table}`)
    }
  })
  for (const table of changedTables) failures.push(`stored rows changed: ${table}`)
  for (const world of worlds) {
    const logged = world.serverLog?.().split('\n').filter((line) => line.includes('failed')) ?? []
    for (const line of logged.slice(0, 20)) failures.push(`[${world.name}] server log: ${line}`)
  }
  await Promise.all(worlds.map((w) => w.close()))
  return { runtime, seed, total, resent, seconds, byRoute, byWhat, failures, untranslatedKeys: new Set([...seen].filter((k) => !translated.has(k))), changedTables }
}

/** The per-endpoint table, the status histogram and the figure line. */
export function printReport(report: FuzzReport): void {
  const all = new Map<number, number>()
  const rows = [...report.byRoute].sort(([a], [b]) => a.localeCompare(b))
  for (const [route, statuses] of rows) {
    const n = [...statuses.values()].reduce((a, b) => a + b, 0)
    const spread = [...statuses].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`).join(' ')
    console.log(`${route.padEnd(66)} ${String(n).padStart(6)}  ${spread}`)
    for (const [s, k] of statuses) all.set(s, (all.get(s) ?? 0) + k)
  }
  console.log(`statuses: ${[...all].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`).join(' ')}`)
  console.log(`mutations: ${[...report.byWhat].sort(([, a], [, b]) => b - a).map(([w, k]) => `${w}×${k}`).join(' ')}`)
  if (report.untranslatedKeys.size > 0) console.log(`error keys met that only the API docs name (pages show their generic message): ${[...report.untranslatedKeys].sort().join(' ')}`)
  const fivexx = [...all].filter(([s]) => s >= 500).reduce((a, [, k]) => a + k, 0)
  console.log(
    `[figure] hostile input (${report.runtime}, seed ${report.seed}): ${report.total} fuzzed requests over ${report.byRoute.size} endpoints in ${report.seconds.toFixed(1)} s (${Math.round(report.total / report.seconds)} req/s): ${fivexx} × 5xx, ${report.failures.length} failures, stored rows ${report.changedTables.length === 0 ? 'unchanged' : `changed in ${report.changedTables.join(', ')}`}, ${report.resent} resent after a reset connection`,
  )
  for (const failure of report.failures.slice(0, 40)) console.log(`FAIL ${failure}`)
}
