import i18next from 'i18next'
import { addBundles } from './i18n'
import type { Language } from './languages'

/** Text in a language other than the one shown, e.g. the printed sheet that is always in やさしい日本語. */
export async function fixedText(language: Language, namespace: string): Promise<(key: string, options?: Record<string, unknown>) => string> {
  await addBundles(language, [namespace])
  const t = i18next.getFixedT(language, namespace)
  return (key, options) => String(t(key as never, options as never))
}
