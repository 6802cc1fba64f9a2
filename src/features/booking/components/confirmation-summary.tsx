import { RubyText } from '@/components/ruby-text'
import { localized } from '@/lib/deployment'
import { formatDay, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import type { Slot } from '@/shared/schemas/requests'
import type { Answers } from '../booking-answers'
import formStyles from './booking.module.css'

/** What the request became: a booked time, a wait for the window's contact, or a letter. */
export type ConfirmationCase = 'booked' | 'waiting' | 'letter'

export function confirmationCase(mode: Answers['mode'], slot: Slot | null): ConfirmationCase {
  if (mode === 'letter') return 'letter'
  return slot ? 'booked' : 'waiting'
}

interface Props {
  kind: ConfirmationCase
  /** Still on this device, waiting for the network: nothing is confirmed yet. */
  pending: boolean
  slot: Slot | null
  answers: Answers
  window: ConsultationWindow
}

const CONTACT_KEYS = { none: 'done.contactNone', email: 'done.contactEmail', phone: 'done.contactPhone' } as const

/** The lead, the summary and what to do, each saying only what is true for this case. */
export function ConfirmationSummary({ kind, pending, slot, answers, window: win }: Props) {
  const text = useText('booking')
  const language = text.language
  const mode = answers.mode ?? 'phone'
  const booked = kind === 'booked' && !pending
  const leads: string[] = pending
    ? ['done.leadPending', { booked: 'done.pendingSlot', waiting: 'done.pendingWaiting', letter: 'done.pendingLetter' }[kind]]
    : [{ booked: 'done.leadBooked', waiting: 'done.leadWaiting', letter: 'done.leadLetter' }[kind]]
  if (kind !== 'booked') leads.push(CONTACT_KEYS[answers.contactKind])
  const how = booked
    ? mode === 'phone'
      ? answers.contactKind === 'phone'
        ? 'done.howPhoneCallback'
        : 'done.howPhone'
      : mode === 'visit'
        ? 'done.howVisit'
        : 'done.howVideo'
    : kind === 'letter'
      ? 'done.howLetter'
      : null

  return (
    <>
      {leads.map((key) => (
        <p key={key}>{text.r(key)}</p>
      ))}
      <dl className={formStyles.summary}>
        {kind === 'booked' && slot ? (
          <>
            <div className={formStyles.summaryRow}>
              <dt>{text.r(pending ? 'done.wishDate' : 'done.date')}</dt>
              <dd>{formatDay(slot.start, language)}</dd>
            </div>
            <div className={formStyles.summaryRow}>
              <dt>{text.r(pending ? 'done.wishTime' : 'done.time')}</dt>
              <dd>{text.r('slot.time', { start: formatTime(slot.start), end: formatTime(slot.end) })}</dd>
            </div>
          </>
        ) : null}
        <div className={formStyles.summaryRow}>
          <dt>{text.r('done.mode')}</dt>
          <dd>{text.r(`mode.${mode}`)}</dd>
        </div>
        <div className={formStyles.summaryRow}>
          <dt>{text.r('done.window')}</dt>
          <dd>
            <RubyText text={localized(win.name, language)} />
          </dd>
        </div>
        {booked && mode === 'visit' && win.address ? (
          <div className={formStyles.summaryRow}>
            <dt>{text.r('done.place')}</dt>
            <dd>
              <RubyText text={localized(win.address, language)} />
            </dd>
          </div>
        ) : null}
        {booked && mode === 'phone' && answers.contactKind !== 'phone' && win.phone ? (
          <div className={formStyles.summaryRow}>
            <dt>{text.r('done.phone')}</dt>
            <dd>
              <a href={`tel:${win.phone.replace(/-/g, '')}`}>{win.phone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {how ? <p>{text.r(how)}</p> : null}
    </>
  )
}

export const TIMELINE_KEYS: Record<ConfirmationCase, string> = { booked: 'done.timelineBooked', waiting: 'done.timelineWaiting', letter: 'done.timelineLetter' }
