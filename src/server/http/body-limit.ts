import type { Context, MiddlewareHandler } from 'hono'

/**
 * How much of a refused body is read and thrown away so that the answer reaches the client: workerd
 * resets the connection when a worker answers before the request body is read (the client then gets
 * no 4xx at all, only a reset). A body declared bigger than this is left unread (cancelling it resets
 * the connection before the answer is out); a chunked one is read up to this, then the rest is cancelled.
 */
export const DISCARD_MAX_BYTES = 1024 * 1024

/** Reads and drops what is left of a body, up to DISCARD_MAX_BYTES in all (`read` counts what was read already). */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, read = 0): Promise<void> {
  try {
    for (let size = read; size <= DISCARD_MAX_BYTES; ) {
      const { done, value } = await reader.read()
      if (done) return
      size += value.byteLength
    }
    await reader.cancel()
  } catch {
    // The client went away: nothing left to answer.
  }
}

/** What the handler left unread of the request's body, thrown away (see DISCARD_MAX_BYTES); a body declared bigger than that is left alone. */
export async function discardUnread(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed || request.body.locked) return
  const length = Number(request.headers.get('content-length') ?? 0)
  // Too big to read through: left untouched, as cancelling it resets the connection before the answer (a 413) is out.
  if (length > DISCARD_MAX_BYTES) return
  await discardRest(request.body.getReader())
}

/**
 * A size limit for a body without Content-Length (chunked), read as it comes. Past `maxSize` the
 * answer is `onError`'s, after the rest is thrown away as discardRest does.
 */
export function streamedBodyLimit(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body
    if (!body) return next()
    const reader = body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxSize) {
        await discardRest(reader, size)
        return onError(c)
      }
      chunks.push(value)
    }
    const bytes = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    c.req.raw = new Request(c.req.raw, { body: bytes })
    return next()
  }
}
