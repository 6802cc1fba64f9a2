import fc from 'fast-check'
import { hostileString, hostileValue } from '../../server/helpers/hostile'

/** Marks a field to delete rather than to overwrite. */
export const DELETE = Symbol('delete')

/** hostile.ts's values, and values too big or too deep for any field. */
export const brokenValue = fc.oneof(
  { weight: 6, arbitrary: hostileValue },
  { weight: 1, arbitrary: fc.constant(DELETE) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ keyId: `k${i}`, publicKey: 'A' }))) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -0, 2 ** 53 + 1, '9'.repeat(400), '', ' ', '0x1F', '1e999', 'NaN', 'null', 'true', '[]', '{}') },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }) },
)

/** Whole bodies no endpoint accepts: broken JSON, random bytes, other JSON, nesting and sizes past the limits. */
export const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `{${s}`),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => new Uint8Array(bytes)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('', ' ', 'null', 'true', '0', '""', '[]', '{}', '{"__proto__":null}', '\uFEFF{}', '{"a":1,"a":2}', '{"a":1}garbage', '\u0000'),
  fc.integer({ min: 10, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 10, max: 8_000 }).map((n) => `{"lookupId":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
  fc.integer({ min: 65_537, max: 300_000 }).map((n) => `{"token":"${'x'.repeat(n)}"}`),
  fc.integer({ min: 30_000, max: 70_000 }).map((n) => JSON.stringify({ requestId: 'あ'.repeat(n) })),
)

/** Content types the API refuses (415), and ones it takes (json with parameters, any case). */
export const contentType = fc.oneof(
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'json', 'application/ld+json', '*/*', ''),
  fc.constantFrom('APPLICATION/JSON', 'application/json; charset=utf-16', 'application/json;', 'application/json ; x=y'),
  fc.string({ maxLength: 40, unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)) }),
)
/** What readJson (src/server/http/read-json.ts) treats as JSON. */
export const isJsonType = (type: string) => /^application\/json\s*(;|$)/i.test(type)

/** Header values fetch can send: printable ASCII and Latin-1, no CR/LF/NUL, no outer spaces. */
const headerText = (maxLength: number) =>
  fc
    .string({ maxLength, unit: fc.oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0xa1, max: 0xff })).map((n) => String.fromCharCode(n)) })
    .map((s) => s || 'x')

const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), fc.constantFrom('unknown', '::ffff:127.0.0.1', '[::1]:80', '127.0.0.1:99999', '0.0.0.0/0', '::'))

/** Headers a hostile client sets, from the forwarded address to the caching and range headers. */
export const hostileHeaders = fc.dictionary(
  fc.constantFrom('x-forwarded-for', 'accept-encoding', 'accept-language', 'user-agent', 'referer', 'range', 'if-none-match', 'if-modified-since', 'x-http-method-override', 'accept', 'cf-connecting-ip', 'forwarded'),
  fc.oneof(
    headerText(200),
    fc.array(address, { minLength: 1, maxLength: 300 }).map((list) => list.join(', ')),
    fc.constantFrom('br;q=2, gzip;q=-1, *', 'identity;q=0', 'bytes=999999-0', 'bytes=0-0,1-1,2-2', 'bytes=-1', 'DELETE', '*', 'ja;q=NaN'),
  ),
  { maxKeys: 4 },
)

export const junkCookie = fc.oneof(
  headerText(60).map((s) => `tsunagu_staff=${s.replace(/;/g, '')}`),
  fc.string({ minLength: 43, maxLength: 43, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-') }).map((s) => `tsunagu_staff=${s}`),
  fc.integer({ min: 2, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => `tsunagu_staff=${i}`).join('; ')),
  headerText(300),
)

export const junkOrigin = (origin: string) => fc.oneof(fc.constantFrom('null', 'http://evil.example', `${origin}/`, origin.toUpperCase(), origin.replace('http:', 'https:'), `${origin}.evil.example`), headerText(60))

/** A path segment: hostile text (encoded or raw), other valid-looking ids, traversal, bad escapes, nothing. */
export const pathSegment = fc.oneof(
  // Cut to keep the request line inside Node's 16 KiB header limit (past it the parser answers 431).
  hostileString.map((s) => encodeURIComponent(s).slice(0, 3_000)),
  fc.uuid(),
  fc.string({ minLength: 43, maxLength: 43, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-') }),
  fc.constantFrom('%', '%E0%A4%A', '%c0%ae', '%2e%2e', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%00', '%2F', '..%5c..%5c', 'toshima%00', 'TOSHIMA', 'constructor', '__proto__', '-1', '0', '99999999999999999999', '1e3', ' ', '%20', 'a'.repeat(3_000), '😀', 'phone', 'visit'),
  fc.string({ maxLength: 30, unit: 'grapheme' }).map((s) => encodeURIComponent(s)),
)

export const queryValue = fc.oneof(hostileString.map((s) => s.slice(0, 300)), fc.constantFrom('', '2026-13-01', '2026-02-30', '2099-12-31', '9999-12-31T23:59:59Z', 'NaN', '-1', '1e999', '0', "' OR 1=1 --"), fc.integer().map(String))
export const query = fc.dictionary(fc.constantFrom('from', 'to', 'mode', 'before', 'limit', 'days', 'window', 'x', '__proto__', 'constructor'), queryValue, { maxKeys: 4 })

/** Pages and files the built site has, and paths it must not give away. */
export const sitePath = fc.oneof(
  fc.constantFrom('/', '/who-can-consult', '/en', '/en/who-can-consult', '/easy/who-can-consult', '/assets/index-abc123.js', '/sw.js', '/manifest.webmanifest', '/book', '/index.html', '/assets/missing.js'),
  fc.constantFrom('/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/data/tsunagu.sqlite', '/%', '/%00', '/.env', '/data/tsunagu.sqlite', '/index.html.br', '/assets/', '//', '/%5c..%5cpackage.json', `/${'a/'.repeat(1_500)}`, `/${'a'.repeat(20_000)}`),
  pathSegment.map((s) => `/${s}`),
)
