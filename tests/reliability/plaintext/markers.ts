import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What one request writes in the clear in the browser: each field carries a marker of its own. */
export interface MarkedRequest {
  nickname: string
  message: string
  email: string
  phone: string
  safeTimes: string
  followUp: string
}

/** Fixed anchors in every marker, scanned for too: a stored fragment of any marker is a hit. */
export const ASCII_ANCHOR = 'plaintext-marker-'
export const JAPANESE_ANCHOR = 'ひみつの目印'
const KANA = 'あいうえおかきくけこさしすせそたちつてと'

/** A run id and the request's number, written in kana so the Japanese marker is unique too. */
function kana(n: number, width: number): string {
  let out = ''
  for (let i = 0; i < width; i++, n = Math.floor(n / KANA.length)) out = KANA[n % KANA.length]! + out
  return out
}

export function markersFor(run: string, index: number): MarkedRequest {
  const id = `${run}-${String(index).padStart(4, '0')}`
  const jp = `${JAPANESE_ANCHOR}${kana(parseInt(run, 16), 6)}${kana(index, 3)}`
  const phoneDigits = String((parseInt(run, 16) % 9000) + 1000) + String(index % 10_000).padStart(4, '0')
  return {
    nickname: `${jp}ニ`,
    message: `話を聞いてほしい ${ASCII_ANCHOR}${id}-msg ${jp}メ`,
    email: `${ASCII_ANCHOR}${id}@example.jp`,
    phone: `090${phoneDigits}`,
    safeTimes: `${jp}時 ${ASCII_ANCHOR}${id}-time`,
    followUp: `追伸 ${ASCII_ANCHOR}${id}-fup ${jp}追`,
  }
}

/** Every string a person typed that must never reach the server's disk or logs, anchors included. */
export function needlesOf(requests: MarkedRequest[]): string[] {
  const out = new Set<string>([ASCII_ANCHOR, JAPANESE_ANCHOR])
  for (const r of requests) {
    for (const value of Object.values(r)) {
      for (const part of value.split(' ')) if (part.includes(ASCII_ANCHOR) || part.includes(JAPANESE_ANCHOR)) out.add(part)
    }
    out.add(r.phone)
  }
  return [...out]
}

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be'] as const
type Encoding = (typeof ENCODINGS)[number]

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding !== 'utf16be') return Buffer.from(text, encoding)
  return Buffer.from(text, 'utf16le').swap16()
}

export interface Hit {
  file: string
  needle: string
  encoding: Encoding
  offset: number
}

export interface ScanResult {
  files: Array<{ path: string; bytes: number }>
  bytes: number
  needles: number
  hits: Hit[]
}

/** Files under a path (a file or a directory, recursively); missing paths are left out. */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)))
}

/**
 * Exact search for every needle in every encoding, in one pass per file: each needle is indexed
 * by its first `width` bytes (the shortest needle's length), so thousands of needles cost one
 * hash lookup per byte instead of one pass each.
 */
export function scanFiles(paths: string[], needles: string[]): ScanResult {
  const encoded = needles.flatMap((needle) => ENCODINGS.map((encoding) => ({ needle, encoding, bytes: encode(needle, encoding) })))
  const width = Math.min(...encoded.map((e) => e.bytes.length))
  const byHead = new Map<string, typeof encoded>()
  for (const e of encoded) {
    const head = e.bytes.toString('latin1', 0, width)
    byHead.set(head, [...(byHead.get(head) ?? []), e])
  }
  const files = paths.map((path) => ({ path, bytes: statSync(path).size }))
  const hits: Hit[] = []
  for (const { path } of files) {
    const data = readFileSync(path)
    const text = data.toString('latin1')
    for (let i = 0; i + width <= data.length; i++) {
      const candidates = byHead.get(text.slice(i, i + width))
      if (!candidates) continue
      for (const c of candidates) {
        if (data.subarray(i, i + c.bytes.length).equals(c.bytes)) hits.push({ file: path, needle: c.needle, encoding: c.encoding, offset: i })
      }
    }
  }
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), needles: encoded.length, hits }
}
