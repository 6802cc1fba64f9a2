import type { Context } from 'hono'
import type { z } from 'zod'

export interface FieldIssue {
  path: string
  key: string
}

/** zod issues as `{ path, key }`; messages that are not our i18n keys (zod's own) become `validation.invalid`. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 200),
    key: /^validation\.[A-Za-z]+$/.test(issue.message) ? issue.message : 'validation.invalid',
  }))
}

export const validationError = (c: Context, fields: FieldIssue[]) => c.json({ error: 'errors.validation', fields }, 400)

const parsedBodies = new WeakMap<Request, Promise<unknown>>()

/**
 * The request body as parsed JSON, parsed once per request: the rate limiter looks at a booking's
 * `slotId` before the route validates the same body. Rejects when the body is not JSON.
 */
export function jsonBody(c: Context): Promise<unknown> {
  let parsed = parsedBodies.get(c.req.raw)
  if (!parsed) {
    parsed = c.req.text().then((text) => JSON.parse(text) as unknown)
    parsedBodies.set(c.req.raw, parsed)
  }
  return parsed
}

/**
 * The JSON body checked against a shared schema, or the 4xx answer to send instead.
 * JSON only: a form post from another site cannot reach the API without a CORS preflight.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: c.json({ error: 'errors.unsupportedMediaType' }, 415) }
  }
  let body: unknown
  try {
    body = await jsonBody(c)
  } catch {
    return { ok: false, response: c.json({ error: 'errors.invalidJson' }, 400) }
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) return { ok: false, response: validationError(c, fieldIssues(parsed.error)) }
  return { ok: true, data: parsed.data }
}
