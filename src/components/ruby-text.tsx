import { Fragment, type ReactNode } from 'react'

const RUBY = /\{([^{}|]+)\|([^{}|]+)\}/g

/**
 * Renders furigana written as `{漢字|かんじ}` (the やさしい日本語 locale's markup) as `<ruby>`.
 * The `rp` parentheses keep the reading legible where ruby is not supported.
 */
export function RubyText({ text }: { text: string }): ReactNode {
  if (!text.includes('{')) return text
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(RUBY)) {
    const [whole, base, reading] = match
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push(
      <ruby key={match.index}>
        {base}
        <rp>(</rp>
        <rt>{reading}</rt>
        <rp>)</rp>
      </ruby>,
    )
    last = match.index + whole.length
  }
  if (last < text.length) parts.push(text.slice(last))
  return <Fragment>{parts}</Fragment>
}

/** The same text without readings, for attributes (`aria-label`, `title`) and the document title. */
export function withoutRuby(text: string): string {
  return text.replace(RUBY, '$1')
}
