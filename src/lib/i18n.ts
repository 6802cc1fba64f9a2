import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { HTML_LANG, type Language } from './languages'
import { readLanguage as readStoredLanguage, writeLanguage } from './preferences'

type Bundle = Record<string, unknown>
const bundles = import.meta.glob<Bundle>('../locales/*/*.json', { import: 'default' })

function bundlesOf(language: Language): Array<[namespace: string, load: () => Promise<Bundle>]> {
  const prefix = `../locales/${language}/`
  return Object.entries(bundles)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, load]) => [path.slice(prefix.length, -'.json'.length), load])
}

export const NAMESPACES = bundlesOf('ja').map(([namespace]) => namespace)

async function readLanguage(language: Language): Promise<Record<string, Bundle>> {
  const entries = await Promise.all(bundlesOf(language).map(async ([namespace, load]) => [namespace, await load()] as const))
  return Object.fromEntries(entries)
}

async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'common')) return
  for (const [namespace, bundle] of Object.entries(await readLanguage(language))) {
    i18next.addResourceBundle(language, namespace, bundle)
  }
}

function reflectInDocument(language: Language): void {
  document.documentElement.lang = HTML_LANG[language]
}

/** Missing text is a bug: it throws in development and tests, and falls back to Japanese in production. */
function onMissingKey(_languages: readonly string[], namespace: string, key: string): void {
  if (!import.meta.env.PROD) throw new Error(`Missing translation: ${namespace}:${key}`)
}

export async function initI18n(language: Language = readStoredLanguage() ?? 'ja'): Promise<typeof i18next> {
  const [ja, chosen] = await Promise.all([readLanguage('ja'), readLanguage(language)])
  await i18next.use(initReactI18next).init({
    resources: { ja, [language]: chosen },
    lng: language,
    // 'ja-easy' is a language of its own, not a region of 'ja': keep the code as written and do not
    // silently borrow missing keys from 'ja' (production still falls back, see fallbackLng).
    lowerCaseLng: true,
    load: 'currentOnly',
    fallbackLng: import.meta.env.PROD ? 'ja' : false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: onMissingKey,
    initAsync: false,
  })
  reflectInDocument(language)
  return i18next
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language)
  await i18next.changeLanguage(language)
  writeLanguage(language)
  reflectInDocument(language)
}

/** Text in a language other than the one shown, e.g. the printed sheet that is always in やさしい日本語. */
export async function fixedText(language: Language, namespace: string): Promise<(key: string, options?: Record<string, unknown>) => string> {
  await loadLanguage(language)
  const t = i18next.getFixedT(language, namespace)
  return (key, options) => String(t(key as never, options as never))
}
