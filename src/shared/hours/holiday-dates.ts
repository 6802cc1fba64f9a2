import holidayJp from '@holiday-jp/holiday_jp'

/**
 * Japanese public holidays as YYYY-MM-DD strings, read from the maintained @holiday-jp package.
 * Node-only (the package data is ~230 kB); the client receives the same dates through the
 * `virtual:jp-holidays` module that vite.config.ts builds from this function.
 */
export function holidayDatesFrom(fromYear: number): string[] {
  return Object.keys(holidayJp.holidays)
    .filter((date) => Number(date.slice(0, 4)) >= fromYear)
    .sort()
}

export function isJapaneseHoliday(date: string): boolean {
  return Object.hasOwn(holidayJp.holidays, date)
}
