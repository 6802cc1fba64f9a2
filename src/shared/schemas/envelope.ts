import { z } from 'zod'
import { CIPHERTEXT_MAX_CHARS, MAX_RECIPIENTS } from '../limits'
import { base64url, isoDateTime, requestId, windowId } from './common'

/**
 * The content key sealed to one recipient with HPKE (RFC 9180: DHKEM(P-256, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM). `enc` is the 65-byte encapsulated key, `sealedKey` the 32-byte
 * content key plus the 16-byte tag.
 */
export const sealedKeySchema = z.object({
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.invalid' }),
  enc: base64url(100),
  sealedKey: base64url(100),
})

/** A request or a follow-up encrypted to a window's recipients (DESIGN §4). */
export const envelopeSchema = z.object({
  v: z.literal(1, { error: 'validation.version' }),
  requestId,
  windowId,
  iv: base64url(16).length(16, { error: 'validation.invalid' }),
  ciphertext: base64url(CIPHERTEXT_MAX_CHARS),
  recipients: z.array(sealedKeySchema).min(1, { error: 'validation.required' }).max(MAX_RECIPIENTS),
})
export type Envelope = z.infer<typeof envelopeSchema>

/** A staff reply, encrypted with the receipt holder's reply key (AES-256-GCM); only they can read it. */
export const replyEnvelopeSchema = z.object({
  v: z.literal(1, { error: 'validation.version' }),
  iv: base64url(16).length(16, { error: 'validation.invalid' }),
  ciphertext: base64url(CIPHERTEXT_MAX_CHARS),
})
export type ReplyEnvelope = z.infer<typeof replyEnvelopeSchema>

/**
 * The certification key's ECDSA P-256 / SHA-256 signature (64 bytes r‖s, base64url) over
 * `tsunagu/v1/staff-key|<windowId>|<keyId>|<publicKey>|<issuedAt>` (src/shared/crypto/staff-certificate.ts).
 */
export const staffCertificateSchema = z.object({
  v: z.literal(1, { error: 'validation.version' }),
  issuedAt: isoDateTime,
  signature: base64url(86).length(86, { error: 'validation.invalid' }),
})
export type StaffCertificate = z.infer<typeof staffCertificateSchema>

/**
 * A recipient's public key as published in /api/config. The public side does not trust this list:
 * see src/shared/crypto/trusted-recipients.ts.
 */
export const recipientKeySchema = z.object({
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kind: z.enum(['staff', 'recovery']),
  /** Raw uncompressed P-256 public key (65 bytes), base64url. */
  publicKey: base64url(100),
  /** SHA-256 of the raw key, hex in groups of four, for reading aloud over the phone. */
  fingerprint: z.string(),
  /** A staff key's certificate (src/shared/crypto/staff-certificate.ts); a key without one is never sealed to. */
  certificate: staffCertificateSchema.nullish().catch(null),
})
export type RecipientKey = z.infer<typeof recipientKeySchema>
