import { z } from 'zod'
import { parseNetworks } from './http/client-address'
import { tileSourceSchema } from './tiles/tile-source'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DIST_DIR: z.string().min(1).default('dist'),
  /** Anonymous POSTs per client per minute; 0 turns rate limiting off (bench). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Separate per-minute budgets per client: bookings; lookup, cancel and follow-ups; metrics. */
  BOOKING_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOOKUP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  METRICS_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Slots one client (IPv4 address, IPv6 /64) may book per Tokyo day. */
  SLOT_BOOKINGS_PER_DAY: z.coerce.number().int().min(1).default(4),
  /** Requests (with or without a slot) and follow-up messages one client may store per Tokyo day. */
  REQUESTS_PER_DAY: z.coerce.number().int().min(1).default(10),
  FOLLOW_UPS_PER_DAY: z.coerce.number().int().min(1).default(20),
  /** Requests stored per window and Tokyo day, all clients together; 0 turns the quota off. */
  WINDOW_REQUESTS_PER_DAY: z.coerce.number().int().min(0).default(200),
  /** Signs proof-of-work challenges; unset: derived from the credential secret. */
  POW_SECRET: z.string().min(32).optional(),
  /** Proof-of-work difficulty: PBKDF2 rounds per attempt, and the largest hidden counter (see abuse/proof-of-work.ts). */
  POW_COST: z.coerce.number().int().min(1).max(1_000_000).optional(),
  POW_MAX_COUNTER: z.coerce.number().int().min(2).max(100_000).optional(),
  /** The keyed-hash secret for stored receipts' lookup ids and auth hashes (or the file below). */
  CREDENTIAL_SECRET: z.string().min(32).optional(),
  /** Where the secret is kept, created on first start; must be outside DATA_DIR and out of its backups. */
  CREDENTIAL_SECRET_FILE: z.string().min(1).default('secrets/credential-secret'),
  /** The secret before a rotation: still accepted for lookups until its requests have expired. */
  CREDENTIAL_SECRET_PREVIOUS: z.string().min(32).optional(),
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .refine((list) => parseNetworks(list) !== null)
    .optional(),
  /** Weeks of slots generated from the weekly availability at start. */
  SLOT_WEEKS: z.coerce.number().int().min(0).max(12).default(3),
  /** Map tiles are fetched from here instead of deployment.json's tileUrl (a local mirror; the tests' fake server). */
  TILE_SOURCE: tileSourceSchema.optional(),
  /** Size cap of the tile cache under DATA_DIR/tiles, in MB (default 200; 0 turns it off). */
  /** Where staff open the app (https://…), when a proxy in front makes the request URL say otherwise; passkeys are bound to it. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin).optional(),
  TILE_CACHE_MB: z.coerce.number().int().min(0).optional(),
  /** The optional new-request e-mail notice (src/server/notify/): set SMTP_HOST, NOTIFY_FROM and NOTIFY_TO to turn it on. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** tls (port 465), starttls (required, the default), or none for a relay on the same host. */
  SMTP_SECURITY: z.enum(['tls', 'starttls', 'none']).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  NOTIFY_FROM: z.email().optional(),
  /** Comma-separated addresses. */
  NOTIFY_TO: z
    .string()
    .transform((list) => list.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.email()).min(1))
    .optional(),
  NOTIFY_MAX_PER_HOUR: z.coerce.number().int().min(1).default(30),
})

export type ServerEnv = z.infer<typeof envSchema>

export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')
    throw new Error(`Invalid environment: ${fields}`)
  }
  return parsed.data
}
