import i18next from 'i18next'
import { HTML_LANG, type Language } from './languages'
import { readLanguage as readStoredLanguage } from './preferences'

type Bundle = Record<string, unknown>
// page-html holds the text the build writes into the HTML itself (src/build/prerender.ts), never t().
const bundles = import.meta.glob<Bundle>(['../locales/*/*.json', '!../locales/*/page-html.json'], { import: 'default' })

function bundlesOf(language: Language): Array<[namespace: string, load: () => Promise<Bundle>]> {
  const prefix = `../locales/${language}/`
  return Object.entries(bundles)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, load]) => [path.slice(prefix.length, -'.json'.length), load])
}

export const NAMESPACES = bundlesOf('ja').map(([namespace]) => namespace)

/** What the first page always needs: the layout's text and the home page (bundled with the app). */
export const INITIAL_NAMESPACES: readonly string[] = ['common', 'home']

/** Every namespace some page asked for: a language switch loads all of them in the new language. */
const wanted = new Set<string>()

async function readBundles(language: Language, namespaces: Iterable<string>): Promise<Record<string, Bundle>> {
  const requested = new Set(namespaces)
  const entries = await Promise.all(
    bundlesOf(language)
      .filter(([namespace]) => requested.has(namespace))
      .map(async ([namespace, load]) => [namespace, await load()] as const),
  )
  return Object.fromEntries(entries)
}

export async function addBundles(language: Language, namespaces: Iterable<string>): Promise<void> {
  const missing = [...namespaces].filter((namespace) => !i18next.hasResourceBundle(language, namespace))
  if (missing.length === 0) return
  for (const [namespace, bundle] of Object.entries(await readBundles(language, missing))) {
    // Two pages may ask at once: a bundle added meanwhile is not added twice (one 'added' event each).
    if (!i18next.hasResourceBundle(language, namespace)) i18next.addResourceBundle(language, namespace, bundle)
  }
}

/**
 * Loads a page's text in the current language before the page renders (router.tsx's `page()` awaits
 * it). The bundles are separate chunks, all precached by the service worker, so this works offline.
 */
export async function loadNamespaces(namespaces: readonly string[]): Promise<void> {
  for (const namespace of namespaces) wanted.add(namespace)
  await addBundles(i18next.language as Language, namespaces)
}

function reflectInDocument(language: Language): void {
  // The build pre-renders pages in Node, where there is no document.
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[language]
}

/** Missing text is a bug: it throws in development and tests, and falls back to Japanese in production. */
function onMissingKey(_languages: readonly string[], namespace: string, key: string): void {
  if (!import.meta.env.PROD) throw new Error(`Missing translation: ${namespace}:${key}`)
}

/** Tests load every namespace; the app passes INITIAL_NAMESPACES and pages load the rest. */
export async function initI18n(
  language: Language = readStoredLanguage() ?? 'ja',
  namespaces: readonly string[] = NAMESPACES,
): Promise<typeof i18next> {
  for (const namespace of namespaces) wanted.add(namespace)
  await i18next.init({
    resources: { [language]: await readBundles(language, namespaces) },
    lng: language,
    // 'ja-easy' is a language of its own, not a region of 'ja': keep the code as written and do not
    // silently borrow missing keys from 'ja' (production falls back to 'ja' text already loaded).
    lowerCaseLng: true,
    load: 'currentOnly',
    fallbackLng: import.meta.env.PROD ? 'ja' : false,
    ns: [...namespaces],
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

/** Shows the app in `language` once its text is there. The URL says the language; the switcher keeps the reader's choice. */
export async function changeLanguage(language: Language): Promise<void> {
  await addBundles(language, wanted)
  await i18next.changeLanguage(language)
  reflectInDocument(language)
}

export function currentLanguage(): Language {
  return i18next.language as Language
}
