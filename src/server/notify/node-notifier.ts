import type { ServerEnv } from '../env'
import { noticeDispatcher, type NoticeDispatcher } from './new-request-notice'
import { smtpSender } from './smtp-sender'

export type NotifyEnv = Partial<Pick<ServerEnv, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURITY' | 'SMTP_USER' | 'SMTP_PASS' | 'NOTIFY_FROM' | 'NOTIFY_TO' | 'NOTIFY_MAX_PER_HOUR'>>

/** The SMTP notice when SMTP_HOST, NOTIFY_FROM and NOTIFY_TO are all set; otherwise none. */
export function nodeNotifier(env: NotifyEnv): NoticeDispatcher | null {
  if (!env.SMTP_HOST || !env.NOTIFY_FROM || !env.NOTIFY_TO?.length) return null
  const port = env.SMTP_PORT ?? 587
  const sender = smtpSender({
    host: env.SMTP_HOST,
    port,
    security: env.SMTP_SECURITY ?? (port === 465 ? 'tls' : 'starttls'),
    from: env.NOTIFY_FROM,
    to: env.NOTIFY_TO,
    user: env.SMTP_USER,
    pass: env.SMTP_PASS,
  })
  return noticeDispatcher(sender, env.NOTIFY_MAX_PER_HOUR ?? 30)
}
