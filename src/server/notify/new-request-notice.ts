import type { Context } from 'hono'

/** The whole notice: a fixed sentence and the staff link. Nothing of the request, ever (issue 10). */
export const NOTICE_SUBJECT = '新しい相談が1件あります'

export interface Notice {
  subject: string
  text: string
}

export function newRequestNotice(origin: string): Notice {
  return { subject: NOTICE_SUBJECT, text: `${NOTICE_SUBJECT}。\r\n${new URL('/staff', origin).href}\r\n` }
}

/** Where a notice goes: SMTP on Node (smtp-sender.ts), an HTTPS hook on Workers (fetch-sender.ts). */
export interface NoticeSender {
  send(notice: Notice): Promise<void>
}

/**
 * Sends the notice without holding up the answer to the person, and never fails their request: a
 * mail server that is down costs the notice only. At most `perHour` notices an hour, so a flood
 * of bookings cannot flood the window's mailbox.
 */
export function noticeDispatcher(sender: NoticeSender, perHour = 30, now = () => Date.now()) {
  let windowStart = 0
  let sent = 0
  return (c: Context, origin: string) => {
    const at = now()
    if (at - windowStart >= 3_600_000) {
      windowStart = at
      sent = 0
    }
    if (sent >= perHour) return
    sent += 1
    const sending = sender.send(newRequestNotice(origin)).catch((error: unknown) => {
      // The name only: an SMTP reply can echo addresses.
      console.error(`[tsunagu] new-request notice failed: ${(error as Error).name}`)
    })
    try {
      c.executionCtx.waitUntil(sending)
    } catch {
      // Node has no execution context: the promise simply runs on.
    }
  }
}
export type NoticeDispatcher = ReturnType<typeof noticeDispatcher>
