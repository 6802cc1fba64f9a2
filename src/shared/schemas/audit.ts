import { z } from 'zod'
import { isoDateTime } from './common'

/**
 * The audit log as administrators read it (GET /api/staff/windows/:windowId/audit): who did what to
 * which case and when. Only action names and ids: never a message, a note, a nickname or a link.
 */
export const AUDIT_PAGE_MAX = 500

const tokyoDate = z.iso.date({ error: 'validation.invalid' })

export const auditQuerySchema = z
  .object({
    /** Tokyo dates, inclusive. */
    from: tokyoDate.optional(),
    to: tokyoDate.optional(),
    /** The `nextBefore` of the previous page: entries older than this id. */
    before: z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.invalid' }).max(Number.MAX_SAFE_INTEGER, { error: 'validation.invalid' }).optional(),
    limit: z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.invalid' }).max(AUDIT_PAGE_MAX, { error: 'validation.invalid' }).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'validation.invalid', path: ['to'] })
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoDateTime,
  /** null: the server itself (the retention job). */
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  action: z.string(),
  requestId: z.string().nullable(),
  /** A status, role, origin, key id or campaign code: an id or a word from a fixed list, never content. */
  target: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() })
export type AuditPage = z.infer<typeof auditPageSchema>

/** A Tokyo date's first instant and the next day's, as stored UTC ISO strings (`at >= start AND at < end`). */
export function tokyoDayBounds(date: string): { start: string; end: string } {
  const start = new Date(`${date}T00:00:00+09:00`)
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() }
}
