import type { ReactNode } from 'react'
import type { Localized } from '@/shared/schemas/deployment'
import { displayTime, type OpeningStatus } from '@/shared/hours/opening-status'
import { RubyText } from '@/components/ruby-text'
import { formatHours } from '@/lib/format-hours'
import { useText } from '@/lib/use-text'
import { useNow } from './use-now'
import { phoneStatusOf, spansSpecialClosure, type PhoneWindow } from './window-status'
import styles from './phone-status.module.css'

interface Props {
  window: PhoneWindow
  /** The home page leaves the full hours to the windows page, to fit one phone screen. */
  showHours?: boolean
}

/** The window's phone number with a live line: open now (until when), or when it opens next. */
export function PhoneStatusLine({ window, showHours = true }: Props) {
  const text = useText('common')
  const now = useNow()
  if (!window.phone) return null
  const status = now ? phoneStatusOf(window, now) : null
  const namesDate = !!now && status?.kind === 'closed' && !!status.next && spansSpecialClosure(window, now, status.next.daysAhead)
  const language = text.language as keyof Localized
  const name = window.name[language] ?? window.name.ja
  const hours = formatHours(window.phoneHours, text)
  return (
    <div className={styles.box} data-state={status?.kind ?? 'unknown'}>
      <p className={styles.status} role="status">
        <span className={styles.dot} aria-hidden="true" />
        {/* One flex item: furigana splits the sentence into several nodes. Until the device knows
            the time (pre-rendered HTML), the line gives the hours, which never go stale. */}
        <span>{status ? statusText(status, text, namesDate) : text.r('phoneStatus.hours', { hours })}</span>
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
          {text.r('phoneStatus.hours', { hours })}{' '}
          {window.closed.publicHolidays && window.closed.yearEnd ? text.r('phoneStatus.closedHolidays') : null}
        </p>
      ) : null}
    </div>
  )
}

type Text = ReturnType<typeof useText>

/**
 * A weekday alone ("次は 月曜") is clear when only the weekly hours stand between now and the next
 * opening. Across a holiday or 年末年始 it is not ("月曜" on 31 December means 4 January), so the
 * status then names the date.
 */
function statusText(status: OpeningStatus, text: Text, namesDate: boolean): ReactNode {
  if (status.kind === 'open') return text.r('phoneStatus.open', { until: displayTime(status.closesAt) })
  if (status.kind === 'none' || !status.next) return text.r('phoneStatus.closedUnknown')
  const { next } = status
  const values = {
    time: displayTime(next.opensAt),
    weekday: text.raw(`weekday.${next.weekday}`),
    // English names the month ("4 January"): "4/1" reads as April to many readers. Japanese text says 1月.
    month: text.language === 'en' ? new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(`${next.date.slice(0, 7)}-15T00:00:00Z`)) : Number(next.date.slice(5, 7)),
    day: Number(next.date.slice(8, 10)),
  }
  if (next.daysAhead === 0) return text.r('phoneStatus.closedToday', values)
  if (next.daysAhead === 1) return text.r('phoneStatus.closedTomorrow', values)
  if (next.daysAhead < 7 && !namesDate) return text.r('phoneStatus.closedThisWeek', values)
  return text.r('phoneStatus.closedLater', values)
}
