const dayFormats = new Map<string, Intl.DateTimeFormat>()

const EASY_WEEKDAYS = ['にちようび', 'げつようび', 'かようび', 'すいようび', 'もくようび', 'きんようび', 'どようび']

/** やさしい日本語 writes dates in kana, as it reads them: 2026ねん 3がつ; 3がつ7にち（どようび）, the year in the month heading. */
function easyMonth(month: string): string {
  const [year, number] = month.split('-').map(Number)
  return `${year}ねん ${number}がつ`
}

/** Dates in the data are Tokyo calendar days; format them in Tokyo whatever the device's zone. */
export function formatDay(date: string, language: string): string {
  if (language === 'ja-easy') {
    const weekday = EASY_WEEKDAYS[new Date(`${date}T12:00:00+09:00`).getUTCDay()]
    return `${Number(date.slice(5, 7))}がつ${Number(date.slice(8, 10))}にち（${weekday}）`
  }
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
  if (language === 'ja-easy') return easyMonth(month)
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long' }).format(
    new Date(`${month}-15T12:00:00+09:00`),
  )
}
