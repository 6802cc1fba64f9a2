import { RUBY_MARKUP, rubyFromReading } from '@/shared/furigana'

const made = new Map<string, string>()

/** `text` with its kana reading over the kanji (`{漢字|かんじ}`), made once per text; the text itself when it does not fit. */
export function withReading(text: string, kana: string): string {
  const key = `${text}\u0000${kana}`
  let markup = made.get(key)
  if (markup === undefined) {
    markup = rubyFromReading(text, kana) ?? text
    made.set(key, markup)
  }
  return markup
}

/** A name shown as it is in every language: やさしい日本語 readers get its reading. */
export function nameFor(text: string, kana: string | undefined, language: string): string {
  return language === 'ja-easy' && kana ? withReading(text, kana) : text
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Furigana markup as HTML `<ruby>`, for the few places that take HTML (the map's attribution). */
export function rubyHtml(markup: string): string {
  let html = ''
  let last = 0
  for (const match of markup.matchAll(RUBY_MARKUP)) {
    html += escapeHtml(markup.slice(last, match.index))
    html += `<ruby>${escapeHtml(match[1] as string)}<rp>(</rp><rt>${escapeHtml(match[2] as string)}</rt><rp>)</rp></ruby>`
    last = match.index + match[0].length
  }
  return html + escapeHtml(markup.slice(last))
}
