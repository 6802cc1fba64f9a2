import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { CheckBox } from '@/components/form/check-box'
import { RubyText } from '@/components/ruby-text'
import { deployment, localized } from '@/lib/deployment'
import { showingConfirmation, useOutboxEntry } from '@/lib/outbox'
import { removeEntry } from '@/lib/outbox-delivery'
import { useText } from '@/lib/use-text'
import { formatReceiptCode } from '@/shared/crypto/receipt-code'
import { retentionOf } from '@/shared/schemas/retention'
import type { Answers } from '../booking-answers'
import { bookingIcs } from '../ics'
import { useLeaveGuard } from '../use-leave-guard'
import styles from './confirmation.module.css'
import formStyles from './booking.module.css'
import type { Sent } from './booking-form'
import { ConfirmationSummary, confirmationCase, TIMELINE_KEYS } from './confirmation-summary'
import { PrintSheet } from './print-sheet'

/** deployment.json retention.waitingDays: the promise made before and after sending. */
const WAITING_DAYS = retentionOf(deployment.retention).waitingDays

interface Props {
  sent: Sent
  answers: Answers
  statusPath: string
  homePath: string
  /** Extra controls for this receipt, given by the route (the reply notice lives in another feature). */
  receiptExtras?: (receipt: string) => ReactNode
}

const DAY_MS = 86_400_000

export function Confirmation({ sent, answers, statusPath, homePath, receiptExtras }: Props) {
  const text = useText('booking')
  const entry = useOutboxEntry(sent.requestId)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [noted, setNoted] = useState(false)
  const [memoError, setMemoError] = useState(false)
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null)
  const leave = useLeaveGuard(!noted)

  useEffect(() => showingConfirmation(sent.requestId), [sent.requestId])
  // Remembered here: the outbox entry is deleted once this screen has shown the delivery.
  const [delivered, setDelivered] = useState(sent.delivery.kind === 'delivered' ? sent.delivery.result : null)
  useEffect(() => {
    if (!delivered && entry?.result) setDelivered(entry.result)
  }, [delivered, entry])
  useEffect(() => {
    if (delivered) void removeEntry(sent.requestId).catch(() => undefined)
  }, [delivered, sent.requestId])
  const pending = !delivered
  const failed = pending && entry && (entry.state === 'slotTaken' || entry.state === 'rejected') ? entry.state : null
  const slot = delivered ? delivered.slot : answers.slot?.kind === 'slot' ? answers.slot.slot : null
  const kind = confirmationCase(answers.mode, slot)
  const deleteAfter = delivered?.deleteAfter ?? new Date(Date.now() + WAITING_DAYS * DAY_MS).toISOString()
  const win = deployment.windows.find((w) => w.id === answers.windowId) ?? deployment.windows[0]!
  const mode = answers.mode ?? 'phone'
  const titleKey = pending ? 'done.titlePending' : kind === 'booked' ? 'done.titleBooked' : 'done.titleWaiting'
  const bookedSlot = delivered && kind === 'booked' ? slot : null

  const icsSummary = text.s('done.icsSummary', { window: localized(win.name, 'ja') })
  const icsUrl = useMemo(() => {
    if (!bookedSlot) return null
    const location = mode === 'visit' && win.address ? localized(win.address, 'ja') : null
    const body = bookingIcs(bookedSlot, icsSummary, location)
    return URL.createObjectURL(new Blob([body], { type: 'text/calendar;charset=utf-8' }))
  }, [bookedSlot, mode, win, icsSummary])
  useEffect(() => () => (icsUrl ? URL.revokeObjectURL(icsUrl) : undefined), [icsUrl])
  useEffect(() => headingRef.current?.focus(), [])

  async function copy() {
    try {
      await navigator.clipboard.writeText(formatReceiptCode(sent.receipt))
      setCopied('copied')
    } catch {
      setCopied('copyFailed')
    }
  }

  function finish() {
    if (!noted) {
      setMemoError(true)
      document.getElementById('booking-memo')?.focus()
      return
    }
    leave.go(homePath)
  }

  return (
    <>
      <div className={styles.screen}>
        <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
          {text.r(titleKey)}
        </h1>
        {pending ? <p className={styles.badge} role="status">{text.r('done.pendingBadge')}</p> : null}
        {failed ? (
          <p role="alert" className={formStyles.alert}>
            {text.r(failed === 'slotTaken' ? 'done.slotTakenLater' : 'done.rejectedLater')}
          </p>
        ) : null}
        <ConfirmationSummary kind={kind} pending={pending} slot={slot} answers={answers} window={win} />

        <section className={styles.receipt} aria-labelledby="receipt-heading">
          <h2 id="receipt-heading">{text.r('done.receiptHeading')}</h2>
          <p id="receipt-hint">{text.r('done.receiptHint')}</p>
          <p className={styles.code} aria-describedby="receipt-hint">
            <span className="visually-hidden">{text.s('done.receiptLabel')}: </span>
            {/* Two groups per line at most, so a phone never shows a lone group on its own line. */}
            {[formatReceiptCode(sent.receipt.slice(0, 8)), formatReceiptCode(sent.receipt.slice(8))].map((half, index) => (
              <span key={index} className={styles.group}>
                {index > 0 ? ' ' : ''}
                {half}
              </span>
            ))}
          </p>
          <div className={styles.receiptActions}>
            <button type="button" className={formStyles.secondary} onClick={() => void copy()}>
              {text.r('done.copy')}
            </button>
            <button type="button" className={formStyles.secondary} onClick={() => globalThis.print()}>
              {text.r('done.print')}
            </button>
          </div>
          <p role="status">{copied ? text.r(`done.${copied}`) : null}</p>
          {icsUrl ? (
            <p>
              <a href={icsUrl} download="soudan.ics" className={styles.icsLink}>
                {text.r('done.ics')}
              </a>
              <br />
              <span className={styles.small}>{text.r('done.icsHint')}</span>
            </p>
          ) : null}
        </section>

        <h2>{text.r('done.nextHeading')}</h2>
        <ol className={styles.timeline}>
          {text.list(TIMELINE_KEYS[kind]).map((item) => (
            <li key={item}>
              <RubyText text={item} />
            </li>
          ))}
        </ol>
        <p>
          <Link to={statusPath}>{text.r('done.statusLink')}</Link>
        </p>
        {receiptExtras?.(sent.receipt)}

        <CheckBox
          id="booking-memo"
          label={text.r('done.memoLabel')}
          support={text.r('done.memoHint')}
          error={memoError && !noted ? text.r('done.memoRequired') : undefined}
          checked={noted}
          onChange={setNoted}
        />
        <div className={formStyles.actions}>
          <button type="button" className={formStyles.primary} onClick={finish}>
            {text.r('done.finish')}
          </button>
        </div>
        {leave.attempt ? (
          <div role="alertdialog" aria-modal="false" aria-labelledby="leave-heading" aria-describedby="leave-body" className={formStyles.alert}>
            <h2 id="leave-heading">{text.r('done.leaveHeading')}</h2>
            <p id="leave-body">{text.r('done.leaveBody')}</p>
            <div className={formStyles.actions}>
              <button type="button" className={formStyles.primary} onClick={leave.stay} autoFocus>
                {text.r('done.leaveStay')}
              </button>
              <button type="button" className={formStyles.secondary} onClick={leave.proceed}>
                {text.r('done.leaveGo')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <PrintSheet receipt={sent.receipt} window={win} slot={bookedSlot} mode={mode} deleteAfter={deleteAfter} statusUrl={`${location.origin}${statusPath}`} />
    </>
  )
}
