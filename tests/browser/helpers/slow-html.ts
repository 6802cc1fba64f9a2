import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SlowOrigin {
  origin: string
  close(): Promise<void>
}

const PASSED_ON = ['content-type', 'content-security-policy', 'cache-control']

/**
 * The app's server behind a slow link: a page's HTML arrives in parts, cut before each match of
 * `cutBefore` (a global pattern), with a pause after each part, as on a poor mobile connection.
 * The browser paints what it has meanwhile, so anything a later part moves is a visible shift.
 */
export async function startSlowHtmlOrigin(baseUrl: string, cutBefore: RegExp, pauseMs: number): Promise<SlowOrigin> {
  const server = createServer((request, response) => {
    void (async () => {
      const upstream = await fetch(new URL(request.url ?? '/', baseUrl), { headers: { accept: request.headers.accept ?? '*/*' } })
      const headers = Object.fromEntries(PASSED_ON.flatMap((name) => (upstream.headers.has(name) ? [[name, upstream.headers.get(name)!]] : [])))
      response.writeHead(upstream.status, headers)
      const body = Buffer.from(await upstream.arrayBuffer())
      if (!upstream.headers.get('content-type')?.startsWith('text/html')) return response.end(body)
      const html = body.toString('utf8')
      const cuts = [...html.matchAll(cutBefore)].map((match) => match.index)
      for (const [i, from] of [0, ...cuts].entries()) {
        response.write(html.slice(from, cuts[i] ?? html.length))
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
      }
      response.end()
    })().catch(() => response.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
