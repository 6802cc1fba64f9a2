import { DEFAULT_VIDEO_CONFIG, type VideoConfig } from './schemas/deployment'

/**
 * Video links for a booking (DESIGN §8): a fresh room on the configured Jitsi Meet server, or a link
 * staff paste from another service. Pure: the caller may pass the random bytes (tests do).
 */

/** 128 random bits: nobody can guess a room and join a consultation. */
export const ROOM_BYTES = 16

/**
 * Jitsi reads `config.*` overrides from the URL fragment, which never reaches a server log. The
 * pre-join screen lets the person check camera and microphone once more; deep linking is switched
 * off so a phone stays in the browser instead of being sent to an app store. `deeplinking.disabled`
 * replaced the older `disableDeepLinking`; servers of either age read one of them, so both are set.
 */
export const JITSI_FRAGMENT = ['config.prejoinConfig.enabled=true', 'config.deeplinking.disabled=true', 'config.disableDeepLinking=true'] as const

/** Older deployment files have no `video` block: they get the default. */
export function videoConfigOf(deployment: { video?: VideoConfig | undefined }): VideoConfig {
  return deployment.video ?? DEFAULT_VIDEO_CONFIG
}

function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count))
}

/**
 * Lower-case hex: Jitsi (Prosody) treats room names case-insensitively, so mixed-case base64 would
 * lose bits; hex keeps all 128 and is safe in a path on every version.
 */
export function jitsiRoomName(bytes: Uint8Array = randomBytes(ROOM_BYTES)): string {
  if (bytes.length < ROOM_BYTES) throw new Error('A room name needs at least 128 random bits')
  return `tsunagu-${Array.from(bytes.subarray(0, ROOM_BYTES), (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export function jitsiLink(baseUrl: string, bytes?: Uint8Array): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  return `${base}${jitsiRoomName(bytes)}#${JITSI_FRAGMENT.join('&')}`
}

/** A new link for the configured provider, or null when staff paste links themselves. */
export function generateVideoLink(config: VideoConfig, bytes?: Uint8Array): string | null {
  return config.provider === 'jitsi' ? jitsiLink(config.baseUrl, bytes) : null
}

export type PastedLink = { ok: true; url: string } | { ok: false; error: 'validation.required' | 'validation.httpsOnly' | 'validation.tooLong' }

export const VIDEO_LINK_MAX = 500

/**
 * A link pasted by staff (Zoom, Teams, Webex, LINE WORKS, any other meeting service): https only,
 * with a host and no user name or password in it; `javascript:`, `data:` and plain http are refused.
 */
export function checkPastedLink(input: string): PastedLink {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, error: 'validation.required' }
  if (trimmed.length > VIDEO_LINK_MAX) return { ok: false, error: 'validation.tooLong' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { ok: false, error: 'validation.httpsOnly' }
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return { ok: false, error: 'validation.httpsOnly' }
  return { ok: true, url: url.href }
}

/** Whether a link is a room on the configured Jitsi server (so the person's choices can be passed on). */
export function isJitsiLink(url: string, config: VideoConfig): boolean {
  if (config.provider !== 'jitsi') return false
  try {
    const link = new URL(url)
    const base = new URL(config.baseUrl)
    return link.origin === base.origin && link.pathname.startsWith(base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`)
  } catch {
    return false
  }
}

/**
 * The link the 「参加する」 button opens. On the deployment's Jitsi server the choices made on /call
 * (camera off, voice only) carry over through the fragment; other services get the link unchanged.
 */
export function meetingLinkWithChoices(url: string, config: VideoConfig, choices: { cameraOff: boolean; audioOnly: boolean }): string {
  if (!isJitsiLink(url, config)) return url
  const extra = [...(choices.cameraOff || choices.audioOnly ? ['config.startWithVideoMuted=true'] : []), ...(choices.audioOnly ? ['config.startAudioOnly=true'] : [])]
  if (extra.length === 0) return url
  const hashAt = url.indexOf('#')
  return hashAt === -1 ? `${url}#${extra.join('&')}` : `${url}&${extra.join('&')}`
}
