/**
 * 年度: April to March, named after the calendar year it starts in (2024 → 令和6年度). Dates are
 * the `YYYY-MM-DD` strings of the contact log (Tokyo calendar days), compared as text.
 */

/** Reiwa began on 2019-05-01; 2019年度 is 令和元年度. */
const REIWA_OFFSET = 2018

export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3] as const

export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return month >= 4 ? year : year - 1
}

export function fiscalYearLabel(fiscalYear: number): string {
  const n = fiscalYear - REIWA_OFFSET
  return `令和${n === 1 ? '元' : n}年度`
}

export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` }
}

export function inFiscalYear(date: string, fiscalYear: number): boolean {
  const { from, to } = fiscalYearRange(fiscalYear)
  return date >= from && date <= to
}

/** The calendar day in Tokyo of an ISO instant (Japan has no daylight saving time). */
export function tokyoDate(isoDateTime: string): string {
  return new Date(Date.parse(isoDateTime) + 9 * 3600_000).toISOString().slice(0, 10)
}
