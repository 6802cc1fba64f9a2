import type { Slot } from '@/shared/schemas/requests'

const TIME_ZONE = 'Asia/Tokyo'

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'ja-JP'
}

const EASY_WEEKDAYS: Record<string, string> = { 日: 'にちようび', 月: 'げつようび', 火: 'かようび', 水: 'すいようび', 木: 'もくようび', 金: 'きんようび', 土: 'どようび' }

/** 「11月24日（火）」 / 「11がつ 24にち（かようび）」 / "Tue 24 Nov", always as the clock in Tokyo reads. */
export function formatDay(iso: string, language: string): string {
  const date = new Date(iso)
  if (language === 'en') {
    return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short' }).format(date)
  }
  const parts = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  if (language === 'ja-easy') return `${part('month')}がつ ${part('day')}にち（${EASY_WEEKDAYS[part('weekday')] ?? part('weekday')}）`
  return `${part('month')}月${part('day')}日（${part('weekday')}）`
}

/** 「2027年5月20日」 / "20 May 2027", for deletion dates. */
export function formatLongDate(iso: string, language: string): string {
  if (language === 'ja-easy') {
    const [year, month, day] = tokyoDateKey(iso).split('-').map(Number)
    return `${year}ねん ${month}がつ ${day}にち`
  }
  return new Intl.DateTimeFormat(locale(language), { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso))
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}

/** The Tokyo calendar date of an instant, e.g. '2026-11-24'. */
export function tokyoDateKey(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))
}

export function groupByDay(slots: readonly Slot[]): Array<{ day: string; slots: Slot[] }> {
  const groups = new Map<string, Slot[]>()
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const key = tokyoDateKey(slot.start)
    groups.set(key, [...(groups.get(key) ?? []), slot])
  }
  return [...groups].map(([day, daySlots]) => ({ day, slots: daySlots }))
}
