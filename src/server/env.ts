import { z } from 'zod'
import { tileSourceSchema } from './tiles/tile-source'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DIST_DIR: z.string().min(1).default('dist'),
  /** Anonymous POSTs per client per minute; 0 turns rate limiting off (bench). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Weeks of slots generated from the weekly availability at start. */
  SLOT_WEEKS: z.coerce.number().int().min(0).max(12).default(3),
  /** Map tiles are fetched from here instead of deployment.json's tileUrl (a local mirror; the tests' fake server). */
  TILE_SOURCE: tileSourceSchema.optional(),
  /** Size cap of the tile cache under DATA_DIR/tiles, in MB (default 200; 0 turns it off). */
  /** Where staff open the app (https://…), when a proxy in front makes the request URL say otherwise; passkeys are bound to it. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin).optional(),
  TILE_CACHE_MB: z.coerce.number().int().min(0).optional(),
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
