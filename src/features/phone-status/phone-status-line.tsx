import type { ReactNode } from 'react'
import type { ConsultationWindow, Localized, OpeningHours, Weekday } from '@/shared/schemas/deployment'
import { displayTime, type OpeningStatus } from '@/shared/hours/opening-status'
import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import { useNow } from './use-now'
import { phoneStatusOf } from './window-status'
import styles from './phone-status.module.css'

const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

interface Props {
  window: ConsultationWindow
  /** The home page leaves the full hours to the windows page, to fit one phone screen. */
  showHours?: boolean
}

/** The window's phone number with a live line: open now (until when), or when it opens next. */
export function PhoneStatusLine({ window, showHours = true }: Props) {
  const text = useText('common')
  const now = useNow()
  if (!window.phone) return null
  const status = phoneStatusOf(window, now)
  const language = text.language as keyof Localized
  const name = window.name[language] ?? window.name.ja
  return (
    <div className={styles.box} data-state={status.kind}>
      <p className={styles.status} role="status">
        <span className={styles.dot} aria-hidden="true" />
        {/* One flex item, so furigana (<ruby>) does not split the sentence into columns. */}
        <span>{statusText(status, text)}</span>
      </p>
      <p className={styles.windowName}>
        <RubyText text={name} />
      </p>
      <a className={styles.call} href={`tel:${window.phone.replaceAll('-', '')}`}>
        <span className={styles.callLabel}>{text.r('phoneStatus.call')}</span>
        <span className={styles.number}>{window.phone}</span>
      </a>
      {showHours ? (
        <p className={styles.hours}>
          {text.r('phoneStatus.hours', { hours: formatHours(window.phoneHours, text) })}{' '}
          {window.closed.publicHolidays && window.closed.yearEnd ? text.r('phoneStatus.closedHolidays') : null}
        </p>
      ) : null}
    </div>
  )
}

type Text = ReturnType<typeof useText>

function statusText(status: OpeningStatus, text: Text): ReactNode {
  if (status.kind === 'open') return text.r('phoneStatus.open', { until: displayTime(status.closesAt) })
  if (status.kind === 'none' || !status.next) return text.r('phoneStatus.closedUnknown')
  const { next } = status
  const values = {
    time: displayTime(next.opensAt),
    weekday: text.s(`weekday.${next.weekday}`),
    month: Number(next.date.slice(5, 7)),
    day: Number(next.date.slice(8, 10)),
  }
  if (next.daysAhead === 0) return text.r('phoneStatus.closedToday', values)
  if (next.daysAhead === 1) return text.r('phoneStatus.closedTomorrow', values)
  if (next.daysAhead < 7) return text.r('phoneStatus.closedThisWeek', values)
  return text.r('phoneStatus.closedLater', values)
}

/** "Mon–Fri 8:30–17:15" in the reader's language; `text` is `useText('common')`. */
export function formatHours(hours: OpeningHours[], text: Text): string {
  return hours
    .map((h) => `${formatDays(h.days, text)} ${text.s('phoneStatus.dayRange', { from: displayTime(h.open), to: displayTime(h.close) })}`)
    .join(' / ')
}

function formatDays(days: Weekday[], text: Text): string {
  const sorted = WEEK.filter((d) => days.includes(d))
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  const contiguous = first && last && WEEK.indexOf(last) - WEEK.indexOf(first) === sorted.length - 1
  if (contiguous && sorted.length > 2) {
    return text.s('phoneStatus.dayRange', { from: text.s(`weekdayShort.${first}`), to: text.s(`weekdayShort.${last}`) })
  }
  return sorted.map((d) => text.s(`weekdayShort.${d}`)).join(text.s('listSeparator'))
}
