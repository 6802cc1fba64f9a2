const encoder = new TextEncoder()

export function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

export type Sha256 = (data: Uint8Array | string) => Promise<Uint8Array> | Uint8Array

/** WebCrypto SHA-256, available on every runtime. Node passes a faster synchronous one in AppDeps. */
export const sha256: Sha256 = async (data) => {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}

/** base64url(SHA-256(bytes)): how the server stores the auth key it never keeps. */
export async function hashAuthKey(authKey: string, digest: Sha256 = sha256): Promise<string> {
  return toBase64url(await digest(fromBase64url(authKey)))
}

/** Compares two strings without stopping at the first difference, so timing says nothing about a stored hash. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}
