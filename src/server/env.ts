import { z } from 'zod'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DIST_DIR: z.string().min(1).default('dist'),
  /** Anonymous POSTs per client per minute; 0 turns rate limiting off (bench). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Weeks of slots generated from the weekly availability at start. */
  SLOT_WEEKS: z.coerce.number().int().min(0).max(12).default(3),
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
