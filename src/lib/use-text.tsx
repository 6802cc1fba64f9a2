import type { ReactNode } from 'react'
import { RubyText, withoutRuby } from '@/components/ruby-text'
import { useTranslation } from './use-translation'

type Options = Record<string, unknown>

/**
 * Text for one feature namespace. `r(key)` renders furigana as `<ruby>`; `s(key)` is plain text
 * for attributes and titles; `raw(key)` keeps the markup, to put into another text given to `r`;
 * `list(key)` reads an array of strings. A missing key throws in
 * development and tests (see lib/i18n.ts), which the locale tests rely on.
 */
export function useText(namespace: string) {
  const { t: translate, i18n } = useTranslation(namespace)
  const raw = (key: string, options?: Options): string => String(translate(key, options))
  const s = (key: string, options?: Options): string => withoutRuby(raw(key, options))
  const r = (key: string, options?: Options): ReactNode => <RubyText text={raw(key, options)} />
  const list = (key: string): string[] => {
    const value = translate(key, { returnObjects: true })
    if (!Array.isArray(value)) throw new Error(`Expected a list at ${namespace}:${key}`)
    return value.map(String)
  }
  return { s, r, raw, list, language: i18n.language }
}
