// Figures of the soak (tests/reliability/soak.ts): per-minute rows, start-vs-end summary, markdown.

export interface Exchange {
  kind: string
  status: number
  ms: number
  detail?: string
}

/** What was sampled during one minute, beside the exchanges that started in it. */
export interface MinuteSample {
  rssMinMb: number
  rssMaxMb: number
  heapMinMb: number
  cpuSeconds: number
  /** CPU of the load generator (this process), for judging how much of the machine it took. */
  clientCpuSeconds: number
  dbMb: number
  walMb: number
  load1: number
  skipped: number
}

export interface MinuteRow extends MinuteSample {
  minute: number
  requests: number
  p50: number
  p99: number
  serverErrors: number
  networkErrors: number
  tooMany: number
  otherClientErrors: number
  cpuUsPerRequest: number
  clientCpuUsPerRequest: number
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export function minuteRow(minute: number, exchanges: Exchange[], sample: MinuteSample): MinuteRow {
  const ms = exchanges.map((e) => e.ms)
  const count = (test: (status: number) => boolean) => exchanges.filter((e) => test(e.status)).length
  return {
    minute,
    requests: exchanges.length,
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    serverErrors: count((s) => s >= 500),
    networkErrors: count((s) => s === 0),
    tooMany: count((s) => s === 429),
    otherClientErrors: count((s) => s >= 400 && s < 500 && s !== 429),
    cpuUsPerRequest: exchanges.length > 0 ? Math.round((sample.cpuSeconds / exchanges.length) * 1e6) : NaN,
    clientCpuUsPerRequest: exchanges.length > 0 ? Math.round((sample.clientCpuSeconds / exchanges.length) * 1e6) : NaN,
    ...sample,
  }
}

export interface Window {
  label: string
  minutes: number[]
  p50: number
  p99: number
  rssMb: number
  heapMb: number
  cpuUsPerRequest: number
  load1: number
}

/** Pooled over the window's minutes: percentiles of all its exchanges, the mean of each minute's lowest RSS. */
export function windowOf(label: string, minutes: number[], rows: MinuteRow[], exchanges: Exchange[][]): Window {
  const picked = minutes.map((m) => rows[m]!)
  const ms = minutes.flatMap((m) => exchanges[m]!.map((e) => e.ms))
  const mean = (f: (r: MinuteRow) => number) => picked.reduce((sum, r) => sum + f(r), 0) / picked.length
  const requests = picked.reduce((sum, r) => sum + r.requests, 0)
  return {
    label,
    minutes,
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    rssMb: round(mean((r) => r.rssMinMb)),
    heapMb: round(mean((r) => r.heapMinMb)),
    cpuUsPerRequest: Math.round((picked.reduce((sum, r) => sum + r.cpuSeconds, 0) / requests) * 1e6),
    load1: round(mean((r) => r.load1), 2),
  }
}

export const growth = (start: number, end: number) => round(((end - start) / start) * 100)

export function perKind(exchanges: Exchange[][], start: number[], end: number[]) {
  const kinds = [...new Set(exchanges.flat().map((e) => e.kind))].sort()
  return kinds.map((kind) => {
    const of = (minutes: number[]) => minutes.flatMap((m) => exchanges[m]!.filter((e) => e.kind === kind).map((e) => e.ms))
    const all = exchanges.flat().filter((e) => e.kind === kind)
    const statuses = new Map<string, number>()
    for (const e of all) {
      const key = e.detail ? `${e.status} ${e.detail}` : String(e.status)
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
    }
    const [s, e] = [of(start), of(end)]
    return {
      kind,
      count: all.length,
      startP50: round(percentile(s, 50)),
      startP99: round(percentile(s, 99)),
      endP50: round(percentile(e, 50)),
      endP99: round(percentile(e, 99)),
      statuses: [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status} ×${n}`).join(', '),
    }
  })
}

export interface SoakReport {
  command: string
  date: string
  minutes: number
  rate: number
  settings: string[]
  start: Window
  end: Window
  rows: MinuteRow[]
  kinds: ReturnType<typeof perKind>
  failures: number
}

export function toMarkdown(r: SoakReport): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  const target = (value: number) => (value <= 10 ? 'ok (≤ 10 %)' : 'MISSED (> 10 %)')
  return [
    `### Soak run ${r.date}`,
    '',
    `\`${r.command}\`: ${r.minutes} min at ${r.rate} req/s (open loop). ${r.settings.join(' ')}`,
    '',
    line(['figure', `start (min ${r.start.minutes.join(', ')})`, `end (min ${r.end.minutes.join(', ')})`, 'growth', 'target']),
    line(['---', '---', '---', '---', '---']),
    line(['resident memory (mean of each minute’s lowest RSS)', `${r.start.rssMb} MB`, `${r.end.rssMb} MB`, `${growth(r.start.rssMb, r.end.rssMb)} %`, target(growth(r.start.rssMb, r.end.rssMb))]),
    line(['V8 heap used (mean of each minute’s lowest)', `${r.start.heapMb} MB`, `${r.end.heapMb} MB`, `${growth(r.start.heapMb, r.end.heapMb)} %`, '']),
    line(['p99 latency, all requests', `${r.start.p99} ms`, `${r.end.p99} ms`, `${growth(r.start.p99, r.end.p99)} %`, target(growth(r.start.p99, r.end.p99))]),
    line(['p50 latency, all requests', `${r.start.p50} ms`, `${r.end.p50} ms`, `${growth(r.start.p50, r.end.p50)} %`, '']),
    line(['server CPU per request (noise-resistant)', `${r.start.cpuUsPerRequest} µs`, `${r.end.cpuUsPerRequest} µs`, `${growth(r.start.cpuUsPerRequest, r.end.cpuUsPerRequest)} %`, '']),
    line(['machine load average (1 min, shared 2 cores)', r.start.load1, r.end.load1, '', '']),
    line(['5xx and network errors, whole run', '', '', '', `${r.failures} (target 0)`]),
    '',
    line(['class', 'count', 'p50 start', 'p99 start', 'p50 end', 'p99 end', 'statuses (whole run)']),
    line(['---', '---:', '---:', '---:', '---:', '---:', '---']),
    ...r.kinds.map((k) => line([k.kind, k.count, k.startP50, k.startP99, k.endP50, k.endP99, k.statuses])),
    '',
    line(['min', 'requests', 'p50 ms', 'p99 ms', '5xx', 'net err', '429', 'other 4xx', 'RSS min MB', 'RSS max MB', 'heap min MB', 'CPU µs/req', 'load gen µs/req', 'DB MB', 'WAL MB', 'load 1m', 'not sent']),
    line(Array.from({ length: 17 }, () => '---:')),
    ...r.rows.map((m) =>
      line([m.minute, m.requests, m.p50, m.p99, m.serverErrors, m.networkErrors, m.tooMany, m.otherClientErrors, m.rssMinMb, m.rssMaxMb, m.heapMinMb, m.cpuUsPerRequest, m.clientCpuUsPerRequest, m.dbMb, m.walMb, m.load1, m.skipped]),
    ),
    '',
  ].join('\n')
}
