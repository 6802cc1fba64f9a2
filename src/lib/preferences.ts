import { LANGUAGE_STORAGE_KEY } from '@/shared/language-paths'
import { isLanguage, type Language } from './languages'

/**
 * Device-local preferences. Kept in localStorage (never a cookie, never sent);
 * quick exit clears them together with everything else the app stored.
 */
export function readLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(stored) ? stored : null
  } catch {
    return null
  }
}

export function writeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Private modes may refuse storage; the choice then lasts only for this page.
  }
}
