import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { paths, prerenderedPages } from '../../../src/app/paths'
import { HTML_LANG, LANGUAGES, type Language } from '../../../src/lib/languages'
import { languagePath } from '../../../src/shared/language-paths'
import { ROOT } from './precache'

type Json = Record<string, any>

const locale = (language: Language, namespace: string): Json => JSON.parse(readFileSync(join(ROOT, 'src/locales', language, `${namespace}.json`), 'utf8'))

/** As a page shows text with furigana when no style hides the parentheses: `{相談|そうだん}` → `相談(そうだん)`. */
export const shownText = (text: string) => text.replace(/\{([^|{}]+)\|([^|{}]+)\}/g, '$1($2)')
export const withoutReadings = (text: string) => text.replace(/\{([^|{}]+)\|([^|{}]+)\}/g, '$1')

export interface PageInLanguage {
  language: Language
  /** The page's path inside the app (`/who-can-consult`). */
  path: string
  /** Its URL in the language (`/en/who-can-consult`). */
  url: string
  /** Its h1 as written in the locale file (furigana markup included). */
  h1: string
  siteTitle: string
  htmlLang: string
}

/** Every pre-rendered page in every language, with what its h1 and title must say (from the locale files). */
export function pagesInEveryLanguage(): PageInLanguage[] {
  return LANGUAGES.flatMap((language) => {
    const [common, guide, home, windows] = ['common', 'guide', 'home', 'windows'].map((ns) => locale(language, ns)) as [Json, Json, Json, Json]
    const h1: Record<string, string> = {
      [paths.home]: home.lead,
      [paths.hurdleWho]: guide.who.title,
      [paths.hurdleName]: guide.name.title,
      [paths.hurdleAfter]: guide.after.title,
      [paths.hurdleWait]: guide.wait.title,
      [paths.hurdleSecret]: guide.secret.title,
      [paths.next]: guide.next.title,
      [paths.family]: guide.family.title,
      [paths.safety]: guide.safety.title,
      [paths.windows]: windows.title,
    }
    return prerenderedPages.map((path) => ({
      language,
      path,
      url: languagePath(language, path),
      h1: h1[path] as string,
      siteTitle: common.siteTitle as string,
      htmlLang: HTML_LANG[language],
    }))
  })
}

/** The start of every phone status sentence in `language`: none may be in HTML written before the device knew the time. */
export function statusSentences(language: Language): string[] {
  return Object.entries(locale(language, 'common').phoneStatus as Record<string, string>)
    .filter(([key]) => key === 'open' || (key.startsWith('closed') && key !== 'closedHolidays'))
    .map(([, text]) => withoutReadings(text.split('{{')[0]?.trim() as string).split('{')[0] as string)
    .filter((text) => text.length > 0)
}
