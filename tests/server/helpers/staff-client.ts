import type { ApiTarget } from '../contract/target'
import { SoftAuthenticator } from './soft-authenticator'

/**
 * A staff member's browser as the server sees it: it keeps the session cookie, sends our Origin,
 * and answers passkey ceremonies with a software authenticator.
 */
export class StaffClient {
  cookie = ''
  lastSetCookie: string | null = null

  constructor(
    private readonly target: ApiTarget,
    readonly origin: string,
    readonly authenticator: SoftAuthenticator,
  ) {}

  static async create(target: ApiTarget, origin: string) {
    return new StaffClient(target, origin, await SoftAuthenticator.create())
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.target.fetch(path, {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) {
      this.lastSetCookie = setCookie
      const value = /^tsunagu_staff=([^;]*)/.exec(setCookie)?.[1] ?? ''
      this.cookie = value && !/Max-Age=0/i.test(setCookie) ? `tsunagu_staff=${value}` : ''
    }
    return response
  }

  get = (path: string) => this.send('GET', path)
  post = (path: string, body: unknown = {}) => this.send('POST', path, body)

  /** Opens an invite: passkey registration, and the session that comes with joining. */
  async join(token: string, displayName: string): Promise<Response> {
    const optionsResponse = await this.post('/api/staff/invites/register-options', { token, displayName })
    if (optionsResponse.status !== 200) return optionsResponse
    const options = (await optionsResponse.json()) as { challenge: string; rp: { id?: string }; user: { id: string } }
    const response = await this.authenticator.register(options, this.origin)
    return this.post('/api/staff/invites/register', { token, displayName, response })
  }

  async signIn(): Promise<Response> {
    const started = await this.post('/api/staff/login/options', {})
    const { challengeId, options } = (await started.json()) as { challengeId: string; options: { challenge: string; rpId?: string } }
    const response = await this.authenticator.authenticate(options, this.origin)
    return this.post('/api/staff/login', { challengeId, response })
  }
}
