import fc from 'fast-check'
import { brokenValue, contentType, DELETE, hostileHeaders, isJsonType, junkCookie, junkOrigin, pathSegment, query, rawBody, sitePath } from './hostile-parts'
import { ROUTES, type RouteSpec } from './routes'
import type { World } from './world'

export interface FuzzCase {
  route: string
  /** The mutation, for the report: field, raw, type, proto, headers, path, method, query, none. */
  what: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
  /** Sent as a stream without Content-Length (chunked), which takes the streamed body limit. */
  streamed: boolean
  /** error: must be a 4xx with a known key; any: anything below 500 (a 4xx still needs its key). */
  expect: 'error' | 'any'
}

type Auth = 'session' | 'none' | 'badOrigin' | 'junkCookie'

/** The arbitrary's value in `share` of the cases, else null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, share: number) =>
  fc.oneof({ weight: Math.round((1 - share) * 100), arbitrary: fc.constant(null) }, { weight: Math.round(share * 100), arbitrary })

const choices = (origin: string) =>
  fc.record({
    route: fc.nat(ROUTES.length - 1),
    auth: fc.constantFrom<Auth>('session', 'session', 'session', 'none', 'badOrigin', 'junkCookie'),
    body: fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('field' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), value: brokenValue }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('raw' as const), raw: rawBody }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('proto' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const) }) },
    ),
    type: sometimes(contentType, 0.12),
    headers: sometimes(hostileHeaders, 0.3),
    cookie: junkCookie,
    origin: junkOrigin(origin),
    param: sometimes(fc.record({ pick: fc.nat(), segment: pathSegment }), 0.2),
    method: sometimes(fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'other'), 0.1),
    query: sometimes(query, 0.25),
    site: sitePath,
    streamed: fc.nat(9).map((n) => n === 0),
  })

type Choices = ReturnType<typeof choices> extends fc.Arbitrary<infer T> ? T : never

/** Follows the picks into nested objects and arrays; sets (or deletes) the field it ends on. */
function breakField(body: unknown, picks: number[], value: unknown): void {
  let target = body as Record<string, unknown>
  for (let i = 0; ; i++) {
    const keys = Object.keys(target)
    if (keys.length === 0) return
    const key = keys[picks[i]! % keys.length]!
    const next = target[key]
    if (i + 1 < picks.length && next !== null && typeof next === 'object' && Object.keys(next).length > 0) {
      target = next as Record<string, unknown>
      continue
    }
    if (value === DELETE) delete target[key]
    else target[key] = value
    return
  }
}

function bodyText(spec: RouteSpec, valid: Record<string, unknown> | undefined, c: Choices): { text: string | Uint8Array<ArrayBuffer>; what: string } {
  const base = structuredClone(valid ?? { x: 1 })
  switch (c.body.kind) {
    case 'raw':
      return { text: c.body.raw, what: 'raw' }
    case 'whole':
      return { text: JSON.stringify(base), what: 'whole' }
    case 'proto': {
      const keys = Object.keys(base)
      const hidden = keys[c.body.pick % keys.length] ?? 'x'
      const value = base[hidden]
      delete base[hidden]
      const text = JSON.stringify(base).replace(/^\{/, `{"__proto__":${JSON.stringify({ [hidden]: value })},"constructor":{"prototype":{"${hidden}":1}},`)
      return { text: text.replace(/,\}$/, '}'), what: 'proto' }
    }
    case 'field':
      breakField(base, c.body.picks, c.body.value)
      return { text: JSON.stringify(base) ?? '', what: spec.schema ? 'field' : 'none' }
  }
}

/** Whether the server must take this body as valid: it parses and the route's schema accepts it. */
function acceptable(spec: RouteSpec, text: string | Uint8Array<ArrayBuffer>): boolean {
  if (!spec.schema) return true
  try {
    return spec.schema.safeParse(JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text))).success
  } catch {
    return false
  }
}

/**
 * One hostile request for the world, or null when the choices make a valid request (sending it
 * would change stored rows as it should). Everything that breaks it is noted in `what`.
 */
export function buildCase(world: World, c: Choices): FuzzCase | null {
  const spec = ROUTES[c.route]!
  const broken: string[] = []
  let path = spec.path === '/*' ? c.site : spec.path
  const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  const mustBreakPath = spec.actsOnPath && names.length > 0
  const broke = c.param ?? (mustBreakPath ? { pick: c.route, segment: '%00' } : null)
  names.forEach((name, i) => {
    const value = broke && broke.pick % names.length === i ? broke.segment : (world.params[name] ?? 'x')
    path = path.replace(`:${name}`, value)
  })
  // The site's catch-all gets a page, a file, or a hostile path (hostile-parts.ts sitePath).
  if ((broke && names.length > 0) || spec.path === '/*') broken.push('path')
  if (c.query) path += `${path.includes('?') ? '&' : '?'}${new URLSearchParams(c.query)}`

  let method: string = spec.method
  if (c.method) {
    method = c.method === 'other' ? (spec.method === 'GET' ? 'POST' : 'GET') : c.method
    broken.push('method')
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'

  const headers: Record<string, string> = { ...(c.headers ?? {}) }
  if (c.headers) broken.push('headers')
  const signedIn = spec.kind === 'staff' || spec.kind === 'auth'
  if (signedIn) {
    // Logging out with the live session is what logout is for: it is only sent without one.
    const auth = spec.label === 'POST /api/staff/logout' && c.auth === 'session' ? 'junkCookie' : c.auth
    if (auth !== 'none') headers.cookie = auth === 'junkCookie' ? c.cookie : world.cookie
    headers.origin = auth === 'badOrigin' ? c.origin : world.origin
    if (spec.kind === 'staff' && (auth === 'none' || auth === 'junkCookie')) broken.push('session')
    if (auth === 'badOrigin' && hasBody) broken.push('origin')
  }

  let body: FuzzCase['body']
  if (hasBody) {
    const made = bodyText(spec, world.bodies[spec.label], c)
    body = made.text
    const type = c.type ?? 'application/json'
    headers['content-type'] = type
    if (c.type !== null) broken.push('type')
    if (spec.schema && !isJsonType(type)) broken.push('415')
    else if (!acceptable(spec, made.text)) broken.push(made.what)
    if ((typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) > 64 * 1024) broken.push('size')
  }
  // Every request carries at least one hostile part; a plain valid read is no fuzzing.
  if (broken.length === 0) return null
  const refusing = broken.some((b) => !['headers', 'type'].includes(b))
  // A GET or HEAD only reads (another route may own the same path): any answer below 500 will do.
  const reads = method === 'GET' || method === 'HEAD'
  if (!refusing && !reads && !spec.readOnly) return null
  const expect = refusing && !reads ? 'error' : 'any'
  return { route: spec.label, what: broken.join('+'), method, path, headers, body, streamed: hasBody && c.streamed, expect }
}

/** `count` cases for the world from a seeded generator: the same seed gives the same requests. */
export function* generateCases(world: World, count: number, seed: number): Generator<FuzzCase> {
  const arbitrary = choices(world.origin)
  let made = 0
  for (let batch = 0; made < count; batch++) {
    for (const c of fc.sample(arbitrary, { numRuns: 500, seed: seed + batch })) {
      const built = buildCase(world, c)
      if (!built) continue
      yield built
      if (++made >= count) return
    }
  }
}
