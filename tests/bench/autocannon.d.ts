// autocannon ships no types and @types/autocannon is not installed: the part the benches use.
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      amount?: number
      method?: string
      headers?: Record<string, string>
      body?: string
      requests?: Request[]
    }
    interface Histogram {
      average: number
      mean: number
      p50: number
      p90: number
      p99: number
      max: number
    }
    interface Result {
      requests: Histogram & { total: number }
      latency: Histogram
      throughput: Histogram
      errors: number
      timeouts: number
      non2xx: number
      '2xx': number
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>
  export = autocannon
}
