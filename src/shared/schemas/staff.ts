import { z } from 'zod'
import { slotNoticeSchema } from './availability'
import { caseStatus } from './case-status'
import { caseOrigin } from './contact-log'
import { base64url, consultationMode, isoDateTime, requestId, windowId } from './common'
import { envelopeSchema, replyEnvelopeSchema, staffCertificateSchema } from './envelope'
import { createRequestSchema, slotSchema } from './requests'

/**
 * The staff API's wire contract (DESIGN §8; routes in src/server/staff/README.md). Every staff
 * route is under /api/staff, answers JSON, and errors with an i18n key like the public API.
 */

export const staffRoles = ['staff', 'admin'] as const
export const staffRole = z.enum(staffRoles, { error: 'validation.invalid' })
export type StaffRole = z.infer<typeof staffRole>

const id = z.string({ error: 'validation.required' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.invalid' })
export const memberIdSchema = id
export const messageIdSchema = z.uuid({ error: 'validation.invalid' })
/** 256-bit random invite token, base64url; travels in the URL fragment (#), never in a path or query. */
export const inviteTokenSchema = base64url(43).length(43, { error: 'validation.invalid' })
export const displayNameSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(40, { error: 'validation.tooLong' })

/** A raw uncompressed P-256 public key (65 bytes), base64url: the form of every key on the wire. */
export const rawP256PublicKey = base64url(87).length(87, { error: 'validation.invalid' })
export const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.invalid' })

export { staffCertificateSchema, type StaffCertificate } from './envelope'

/** WebAuthn JSON from @simplewebauthn/browser; the library checks the inside, we bound the size. */
const webauthnResponse = z
  .object({ id: base64url(1400), rawId: base64url(1400), type: z.literal('public-key'), response: z.record(z.string(), z.unknown()) })
  .loose()

export const inviteInfoSchema = z.object({ windowId, role: staffRole, expiresAt: isoDateTime })
export const registerOptionsBodySchema = z.object({ token: inviteTokenSchema, displayName: displayNameSchema })
export const registerBodySchema = z.object({ token: inviteTokenSchema, displayName: displayNameSchema, response: webauthnResponse })
export const loginBodySchema = z.object({ challengeId: id, response: webauthnResponse })

export const staffKeyStatuses = ['pending', 'certified', 'revoked'] as const
export const staffKeyViewSchema = z.object({
  keyId: keyIdSchema,
  windowId,
  memberId: memberIdSchema,
  publicKey: rawP256PublicKey,
  fingerprint: z.string(),
  status: z.enum(staffKeyStatuses),
  certificate: staffCertificateSchema.nullable(),
  createdAt: isoDateTime,
})
export type StaffKeyView = z.infer<typeof staffKeyViewSchema>

export const meSchema = z.object({
  member: z.object({ id: memberIdSchema, displayName: z.string() }),
  windows: z.array(z.object({ windowId, role: staffRole })),
  keys: z.array(staffKeyViewSchema),
})
export type Me = z.infer<typeof meSchema>

export const registerStaffKeyBodySchema = z.object({ windowId, publicKey: rawP256PublicKey })
export const certifyBodySchema = staffCertificateSchema
export const inviteBodySchema = z.object({ role: staffRole })

export const memberViewSchema = z.object({
  id: memberIdSchema,
  displayName: z.string(),
  role: staffRole,
  joinedAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  keys: z.array(staffKeyViewSchema),
})
export type MemberView = z.infer<typeof memberViewSchema>

/** contact: an entry of the contact log (src/shared/schemas/contact-log.ts), sealed to the window like a note. */
export const messageKinds = ['followUp', 'reply', 'note', 'contact'] as const
export const messageKind = z.enum(messageKinds)
export type MessageKind = z.infer<typeof messageKind>

/** A message of a case as staff get it: follow-ups and notes are sealed to the window, replies use the reply key. */
export const caseMessageSchema = z.object({
  id: messageIdSchema,
  kind: messageKind,
  sentAt: isoDateTime,
  /** The member who wrote a reply or note; null for the person's follow-ups. */
  authorId: memberIdSchema.nullable(),
  envelope: z.union([envelopeSchema, replyEnvelopeSchema]),
})
export type CaseMessage = z.infer<typeof caseMessageSchema>

export const caseSummarySchema = z.object({
  requestId,
  windowId,
  mode: consultationMode,
  status: caseStatus,
  slot: slotSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The request itself, sealed in the person's browser: decrypted on the staff device only. */
  envelope: envelopeSchema,
  unreadFollowUps: z.number().int().min(0),
  /** The video link, encrypted in the staff browser with the person's reply key like a reply. */
  video: replyEnvelopeSchema.nullable(),
  /** online for the public form; phone, letter, walk-in or outreach for a case staff opened. */
  origin: caseOrigin,
  /** A booked time staff took away (cancelled day, released booking), and whether the person still has to be told. */
  slotNotice: slotNoticeSchema.nullable().optional(),
})
export type CaseSummary = z.infer<typeof caseSummarySchema>

export const caseDetailSchema = caseSummarySchema.extend({ messages: z.array(caseMessageSchema) })
export type CaseDetail = z.infer<typeof caseDetailSchema>

export const replyBodySchema = z.object({ messageId: messageIdSchema, envelope: replyEnvelopeSchema })
export const noteBodySchema = z.object({ messageId: messageIdSchema, envelope: envelopeSchema })
export const contactBodySchema = noteBodySchema
/** A case staff open for a contact that did not start online: the public request body plus its origin. */
export const staffCreateCaseBodySchema = createRequestSchema.omit({ campaign: true }).extend({ origin: caseOrigin.exclude(['online'], { error: 'validation.invalid' }) })
export const statusBodySchema = z.object({ status: caseStatus })
/** Move a case's booking to another open slot of its window and mode (or give a waiting case a time). */
export const moveBookingBodySchema = z.object({ slotId: createRequestSchema.shape.slotId.unwrap().min(1, { error: 'validation.required' }) })
export type MoveBookingBody = z.infer<typeof moveBookingBodySchema>
/** https only: a `javascript:` or `http:` link is refused. null removes the link. */
export const videoUrlSchema = z.url({ protocol: /^https$/, error: 'validation.httpsOnly' }).max(500, { error: 'validation.tooLong' })
/** The sealed link (src/shared/crypto/video-link-seal.ts); null removes it. The server never sees the URL. */
export const videoBodySchema = z.object({ video: replyEnvelopeSchema.nullable() })
/** Inside the video envelope. */
export const videoLinkPayloadSchema = z.object({ v: z.literal(1), url: videoUrlSchema })

/**
 * Plaintexts inside the envelopes, one schema each, shared by the writer and the reader
 * (the person's /status, the staff case page). `text` is what a person or staff member wrote.
 */
export const replyPayloadSchema = z.object({ v: z.literal(1), text: z.string().min(1).max(2000), writtenAt: isoDateTime })
export type ReplyPayload = z.infer<typeof replyPayloadSchema>
export const followUpPayloadSchema = z.object({ v: z.literal(1), text: z.string().min(1).max(2000), writtenAt: isoDateTime })
export type FollowUpPayload = z.infer<typeof followUpPayloadSchema>
export const notePayloadSchema = z.object({ v: z.literal(1), text: z.string().min(1).max(4000), writtenAt: isoDateTime })
export type NotePayload = z.infer<typeof notePayloadSchema>
