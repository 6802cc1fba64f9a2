import { useMemo } from 'react'
import { useText } from '@/lib/use-text'
import { useI18nVersion, useTranslation } from '@/lib/use-translation'

type Text = ReturnType<typeof useText>
type Raw = (key: string, options?: Record<string, unknown>) => string

/**
 * Words made once per language instead of on every render: a filter change re-renders the panel
 * and the list, and each i18next lookup costs tens of microseconds. `make` must depend on nothing
 * but the text (the raw lookup keeps furigana markup for joining lines before rendering them).
 */
export function useWords<T>(namespace: string, make: (text: Text, raw: Raw) => T): T {
  const text = useText(namespace)
  const { t } = useTranslation(namespace)
  const version = useI18nVersion()
  // `text` and `t` are new objects on every render; what they return changes only with the version.
  return useMemo(() => make(text, (key, options) => String(t(key, options))), [version])
}
