import type { OpeningHours, Weekday } from '@/shared/schemas/deployment'
import { displayTime } from '@/shared/hours/opening-status'
import type { useText } from './use-text'

type Text = ReturnType<typeof useText>
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

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
