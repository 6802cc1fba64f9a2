import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { makeBooking } from '../server/helpers/make-request'
import { writeTestWindows } from '../server/helpers/node-server'

/**
 * Profiles one server mode of the booking bench by hand: `npx tsx tests/bench/profile-booking.ts [mode] [seconds] [cpu]`
 * (`cpu`: only the CPU per request, no profile).
 * Runs the child under `node --cpu-prof`, drives it with the bench's load (50 connections), prints its
 * CPU per request (from /proc) and where the profile's time goes (self time by function and by file).
 */
const [mode = 'app', seconds = '8', only] = process.argv.slice(2)
const profiling = only !== 'cpu'
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'tsunagu-profile-'))
const windowsFile = join(dir, 'windows.json')
await writeTestWindows(windowsFile)
const { body } = await makeBooking({ mode: 'letter' })
const makeBody = () => {
  const requestId = randomUUID()
  return JSON.stringify({ ...body, requestId, lookupId: randomBytes(32).toString('base64url'), envelope: { ...body.envelope, requestId } })
}
const child = spawn(process.execPath, [...(profiling ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []), '--import', 'tsx', join(root, 'tests/bench/server-bench-child.ts'), mode, windowsFile], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url = await new Promise<string>((done) => {
  let buffered = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const match = buffered.match(/^URL (\S+)/m)
    if (match) done(match[1] as string)
  })
})
const cpu = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100
}
const load = (duration: number) =>
  autocannon({
    url: `${url}/api/requests`,
    connections: 50,
    duration,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: makeBody() }) }],
  })
await load(2)
const before = cpu()
const result = await load(Number(seconds))
const used = cpu() - before
console.log(`${mode}: ${Math.round(result.requests.average)} req/s, ${Math.round((used / result.requests.total) * 1e6)} µs CPU per request, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`)
child.kill('SIGTERM')
await new Promise((done) => child.once('exit', done))
if (!profiling) process.exit(0)

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
// The first profile is the main thread's (the second, tsx's loader thread).
const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()[0] as string
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)
const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
const short = (u: string) => u.replace(/^file:\/\//, '').replace(`${root}/`, '').replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0
  const { functionName, url: u, lineNumber } = node.callFrame
  const key = `${functionName || '(anon)'} ${short(u)}:${lineNumber + 1}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + t)
  const f = short(u) || `(${functionName})`
  byFile.set(f, (byFile.get(f) ?? 0) + t)
}
const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`).join('\n')
console.log(`profile ${join(dir, file)}\n-- self time by file --\n${top(byFile, 25)}\n-- self time by function --\n${top(byFunction, 40)}`)
