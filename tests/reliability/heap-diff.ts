// What a process kept between two heap snapshots of it (soak: SOAK_SNAPSHOTS=1,5). Node ids are stable
// within one process, so the objects of the second snapshot whose id the first lacks were allocated
// between them and survived: grouped by constructor, with the retainer paths of the biggest groups.
// Run: npx tsx tests/reliability/heap-diff.ts before.heapsnapshot after.heapsnapshot [groups=12]
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

function load(path: string) {
  const s = JSON.parse(readFileSync(path, 'utf8')) as Snapshot
  const nf = s.snapshot.meta.node_fields.length
  const ef = s.snapshot.meta.edge_fields.length
  const types = s.snapshot.meta.node_types[0]
  const edgeTypes = s.snapshot.meta.edge_types[0]
  const count = s.nodes.length / nf
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i]! + s.nodes[i * nf + 4]!
  const retainers: number[][] = Array.from({ length: count }, () => [])
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]!; e < firstEdge[i + 1]!; e++) {
      const type = edgeTypes[s.edges[e * ef]!]
      if (type === 'weak' || type === 'shortcut') continue
      retainers[s.edges[e * ef + 2]! / nf]!.push(i, e)
    }
  }
  const node = (i: number) => ({ type: types[s.nodes[i * nf]!]!, name: s.strings[s.nodes[i * nf + 1]!]!, id: s.nodes[i * nf + 2]!, size: s.nodes[i * nf + 3]! })
  const edgeName = (e: number) => {
    const type = edgeTypes[s.edges[e * ef]!]!
    const value = s.edges[e * ef + 1]!
    return type === 'element' || type === 'hidden' ? `[${value}]` : String(s.strings[value])
  }
  return { count, node, retainers, edgeName }
}

const group = (n: { type: string; name: string }) => (n.type === 'object' || n.type === 'closure' ? `${n.type} ${n.name}` : n.type === 'string' || n.type === 'concatenated string' || n.type === 'sliced string' ? 'string' : `${n.type} ${n.name.slice(0, 40)}`)

const [beforePath, afterPath, groupsArg] = process.argv.slice(2)
const before = load(beforePath!)
const after = load(afterPath!)
const oldIds = new Set<number>()
for (let i = 0; i < before.count; i++) oldIds.add(before.node(i).id)
const fresh = new Map<string, { count: number; size: number; samples: number[] }>()
for (let i = 0; i < after.count; i++) {
  const n = after.node(i)
  if (oldIds.has(n.id)) continue
  const g = fresh.get(group(n)) ?? { count: 0, size: 0, samples: [] }
  g.count++
  g.size += n.size
  if (g.samples.length < Number(process.env.HEAP_DIFF_SAMPLES ?? 400)) g.samples.push(i)
  fresh.set(group(n), g)
}
const total = [...fresh.values()].reduce((sum, g) => sum + g.size, 0)
console.log(`objects new since the first snapshot and still alive: ${[...fresh.values()].reduce((s, g) => s + g.count, 0)}, ${(total / 1024 / 1024).toFixed(2)} MB (self size)`)
const top = [...fresh].sort(([, a], [, b]) => b.size - a.size).slice(0, Number(groupsArg ?? 12))

/** One retainer path up to a GC root (or 8 steps past string ropes), the first non-weak retainer at each step. */
function path(i: number): string {
  const steps: string[] = []
  const seen = new Set<number>()
  let at = i
  for (let depth = 0, ropes = 0; depth < 8 && ropes < 100_000; ) {
    const list = after.retainers[at]!
    if (list.length === 0) break
    seen.add(at)
    let next = -1
    for (let k = 0; k < list.length; k += 2) if (!seen.has(list[k]!)) ((next = k), (k = list.length))
    if (next < 0) break
    const owner = after.node(list[next]!)
    // A long rope of concatenated strings is one step: what holds its top is the finding.
    if (group(owner) === 'string' && group(after.node(at)) === 'string') ropes++
    else (steps.push(`${ropes > 0 ? `(rope of ${ropes}) ` : ''}${group(owner)}.${after.edgeName(list[next + 1]!)}`), (ropes = 0), depth++)
    at = list[next]!
  }
  return steps.join(' ← ')
}

for (const [name, g] of top) {
  console.log(`\n${name}: +${g.count} objects, +${(g.size / 1024).toFixed(0)} KB`)
  const paths = new Map<string, number>()
  for (const i of g.samples) {
    // Indices and rope lengths differ from object to object; the shape of the path is what groups them.
    const shape = path(i).replace(/\(rope of \d+\) /g, '(rope) ').replace(/\.\d+|\[\d+\]/g, '[n]')
    paths.set(shape, (paths.get(shape) ?? 0) + 1)
  }
  for (const [p, n] of [...paths].sort(([, a], [, b]) => b - a).slice(0, 3)) console.log(`  ${n}× ${p}`)
}
