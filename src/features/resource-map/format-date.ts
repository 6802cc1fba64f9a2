const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** Dates in the data are Tokyo calendar days; format them in Tokyo whatever the device's zone. */
export function formatDay(date: string, language: string): string {
  let format = dayFormats.get(language)
  if (!format) {
    // Making a formatter costs far more than using one: a list formats a date per place.
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: language === 'en' ? 'long' : 'numeric',
      day: 'numeric',
      weekday: 'short',
    })
    dayFormats.set(language, format)
  }
  return format.format(new Date(`${date}T12:00:00+09:00`))
}

export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long' }).format(
    new Date(`${month}-15T12:00:00+09:00`),
  )
}
