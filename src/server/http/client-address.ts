/** An IP address as bytes: 4 for IPv4 (an IPv4-mapped IPv6 address counts as IPv4), 16 for IPv6. */
export type IpBytes = Uint8Array

function parseIpv4(text: string): IpBytes | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null
  return new Uint8Array(parts.map(Number))
}

function parseIpv6(text: string): IpBytes | null {
  let head = text.replace(/%.*$/, '')
  const lastColon = head.lastIndexOf(':')
  if (head.includes('.', lastColon)) {
    const v4 = parseIpv4(head.slice(lastColon + 1))
    if (!v4) return null
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16)
    head = `${head.slice(0, lastColon + 1)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`
  }
  const halves = head.split('::')
  if (halves.length > 2) return null
  const group = (s: string) => (s === '' ? [] : s.split(':'))
  const left = group(halves[0]!)
  const right = halves.length === 2 ? group(halves[1]!) : []
  if (![...left, ...right].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null
  const missing = 8 - left.length - right.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const all = [...left.map((g) => parseInt(g, 16)), ...Array<number>(missing).fill(0), ...right.map((g) => parseInt(g, 16))]
  const bytes = new Uint8Array(16)
  all.forEach((w, i) => {
    bytes[2 * i] = w >> 8
    bytes[2 * i + 1] = w & 0xff
  })
  return bytes
}

const isMappedV4 = (b: IpBytes) => b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff

/** Parses an IPv4 or IPv6 address (brackets and a zone allowed); null when it is neither. */
export function parseIp(text: string): IpBytes | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1')
  const bytes = trimmed.includes(':') ? parseIpv6(trimmed) : parseIpv4(trimmed)
  return bytes && isMappedV4(bytes) ? bytes.slice(12) : bytes
}

/**
 * What the limits count by: an IPv4 address as it is, an IPv6 address by its /64 network, which is
 * what one home or phone gets (a client can take any address inside it at will).
 */
export function limitKeyOf(address: string | undefined): string {
  const bytes = address ? parseIp(address) : null
  if (!bytes) return 'unknown'
  if (bytes.length === 4) return bytes.join('.')
  const words = [0, 2, 4, 6].map((i) => ((bytes[i]! << 8) | bytes[i + 1]!).toString(16))
  return `${words.join(':')}::/64`
}

interface Network {
  bytes: IpBytes
  bits: number
}

/** `TRUSTED_PROXIES`: comma-separated addresses or CIDR networks (`10.0.0.0/8, ::1, fd00::/8`). */
export function parseNetworks(list: string): Network[] | null {
  const networks: Network[] = []
  for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [ip = '', bitsText] = item.split('/')
    const bytes = parseIp(ip)
    if (!bytes) return null
    // A mapped IPv6 network (::ffff:10.0.0.0/104) is its IPv4 network.
    const shift = bytes.length === 4 && ip.includes(':') ? 96 : 0
    const bits = bitsText === undefined ? bytes.length * 8 : Number(bitsText) - shift
    if (!Number.isInteger(bits) || bits < 0 || bits > bytes.length * 8) return null
    networks.push({ bytes, bits })
  }
  return networks
}

function contains(network: Network, bytes: IpBytes): boolean {
  if (network.bytes.length !== bytes.length) return false
  for (let bit = 0; bit < network.bits; bit += 8) {
    const mask = network.bits - bit >= 8 ? 0xff : (0xff << (8 - (network.bits - bit))) & 0xff
    if ((network.bytes[bit / 8]! & mask) !== (bytes[bit / 8]! & mask)) return false
  }
  return true
}

export function isTrusted(networks: readonly Network[], address: string | undefined): boolean {
  const bytes = address ? parseIp(address) : null
  return bytes !== null && networks.some((n) => contains(n, bytes))
}

/**
 * The client's address. The forwarded header is believed only when the connection itself comes from
 * a trusted proxy; then the nearest address in X-Forwarded-For that is not a trusted proxy is the
 * client (entries further left can be written by the client and are ignored).
 */
export function clientAddress(networks: readonly Network[], socketAddress: string | undefined, forwardedFor: string | undefined): string | undefined {
  if (!forwardedFor || networks.length === 0 || !isTrusted(networks, socketAddress)) return socketAddress
  const hops = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(networks, hops[i])) return parseIp(hops[i]!) ? hops[i] : undefined
  }
  return hops[0] ?? socketAddress
}
