import bookingJa from '@/locales/ja/booking.json'
import { withoutRuby } from '@/components/ruby-text'
import type { BookingPayload } from '@/shared/schemas/booking-payload'
import { st } from '../staff-text'

const concerns = (bookingJa as { concern?: Record<string, string> }).concern ?? {}

/** 本人 / 家族（親） / 友人・支援者, as the reports count 相談者. */
export function askerLabel(payload: BookingPayload): string {
  const asker = st(`askers.${payload.asker}`)
  return payload.asker === 'family' && payload.relation ? `${asker}（${st(`relations.${payload.relation}`)}）` : asker
}

export function concernLabel(id: string): string {
  return withoutRuby(concerns[id] ?? id)
}

const dateTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' })

export function tokyoDateTime(iso: string): string {
  return dateTime.format(new Date(iso))
}
