import { useEffect, useState } from 'react'
import { RubyText } from '@/components/ruby-text'
import { deployment, localized } from '@/lib/deployment'
import { formatDay, formatLongDate, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import type { ReceiptKeys } from '@/shared/crypto/receipt-keys'
import type { RequestView as View } from '@/shared/schemas/requests'
import { CancelBooking } from './cancel-booking'
import { FollowUpForm } from './follow-up-form'
import { lookupRequest, readStaffMessage } from './status-api'
import styles from './status.module.css'
import { ReplyNoticeToggle } from './reply-notice-toggle'
import { VideoJoin } from './video-join'

type Shown = { id: string; from: 'staff' | 'person'; sentAt: string; text: string | null }

export function RequestView({ keys, view, callPath, onChange }: { keys: ReceiptKeys; view: View; callPath: string; onChange: (view: View) => void }) {
  const text = useText('status')
  const language = text.language
  const [messages, setMessages] = useState<Shown[]>([])
  const win = deployment.windows.find((w) => w.id === view.windowId)
  const credentials = { lookupId: keys.lookupId, authKey: keys.authKey }
  const open = view.status !== 'cancelled' && view.status !== 'done'

  useEffect(() => {
    let live = true
    Promise.all(
      view.messages.map(async (m) => ({ id: m.id, from: m.from, sentAt: m.sentAt, text: m.from === 'staff' ? await readStaffMessage(keys.replyKeyRaw, { requestId: view.requestId, messageId: m.id }, m.envelope) : null })),
    ).then((shown) => live && setMessages(shown))
    return () => {
      live = false
    }
  }, [view.messages, view.requestId, keys.replyKeyRaw])

  return (
    <section aria-labelledby="view-heading" className={styles.view}>
      <h2 id="view-heading">{text.r('view.heading')}</h2>
      <dl className={styles.summary}>
        <div className={styles.row}>
          <dt>{text.r('view.status')}</dt>
          <dd>{text.r(`view.statuses.${view.status}`)}</dd>
        </div>
        <div className={styles.row}>
          <dt>{text.r('view.when')}</dt>
          <dd>
            {view.slot ? (
              // Two unbreakable pieces: in a narrow column the times move down whole, never 10:00〜 / 10:50.
              <>
                <span className={styles.piece}>{formatDay(view.slot.start, language)}</span>{' '}
                <span className={styles.piece}>{text.s('booking:slot.time', { start: formatTime(view.slot.start), end: formatTime(view.slot.end) })}</span>
              </>
            ) : (
              text.r('view.noSlot')
            )}
          </dd>
        </div>
        <div className={styles.row}>
          <dt>{text.r('view.mode')}</dt>
          <dd>{text.r(`booking:mode.${view.mode}`)}</dd>
        </div>
        {win ? (
          <div className={styles.row}>
            <dt>{text.r('view.window')}</dt>
            <dd><RubyText text={localized(win.name, language)} /></dd>
          </div>
        ) : null}
      </dl>
      {view.slotNotice ? (
        <p className={styles.notice} data-testid="slot-notice">
          {text.r(`view.slotNotice.${view.slotNotice.reason}`, { when: `${formatDay(view.slotNotice.start, language)} ${formatTime(view.slotNotice.start)}` })}
        </p>
      ) : null}
      {view.mode === 'video' && open ? <VideoJoin view={view} replyKeyRaw={keys.replyKeyRaw} callPath={callPath} /> : null}
      <p>{text.r('view.deleteAfter', { date: formatLongDate(view.deleteAfter, language) })}</p>

      <h3>{text.r('view.messagesHeading')}</h3>
      {messages.length === 0 ? <p>{text.r('view.noMessages')}</p> : null}
      <ul className={styles.messages}>
        {messages.map((m) => (
          <li key={m.id} className={m.from === 'staff' ? styles.fromStaff : styles.fromYou}>
            <p className={styles.meta}>
              {text.r(m.from === 'staff' ? 'view.fromStaff' : 'view.fromYou')} ・{' '}
              {text.r('view.sentAt', { date: formatDay(m.sentAt, language), time: formatTime(m.sentAt) })}
            </p>
            <p className={styles.body}>{m.from === 'staff' ? (m.text ?? text.r('view.unreadable')) : text.r('view.ownMessage')}</p>
          </li>
        ))}
      </ul>
      {open ? <FollowUpForm credentials={credentials} view={view} onSent={() => void lookupRequest(credentials).then((r) => r.kind === 'ok' && onChange(r.value))} /> : <p>{text.r('followUp.closed')}</p>}
      <ReplyNoticeToggle credentials={credentials} staffReplies={view.messages.filter((m) => m.from === 'staff').length} open={open} />
      {open ? <CancelBooking credentials={credentials} onCancelled={onChange} /> : null}
    </section>
  )
}
