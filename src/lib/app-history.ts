import { UNSAFE_createBrowserHistory as createBrowserHistory } from 'react-router'
import { languagePath, splitLanguagePath, type PathLanguage } from '@/shared/language-paths'

type BrowserHistory = ReturnType<typeof createBrowserHistory>

let history: BrowserHistory | undefined

/**
 * The app's one browser history (app/app.tsx renders the router on it). Made on first use: the build
 * renders pages in Node, where there is no window.
 */
export function appHistory(): BrowserHistory {
  return (history ??= createBrowserHistory({ v5Compat: true }))
}

/** Goes to the page being read, in `language`: its own URL (shared/language-paths.ts), query and all. */
export function showInLanguage(language: PathLanguage): void {
  const { path } = splitLanguagePath(location.pathname)
  appHistory().push(languagePath(language, path) + location.search + location.hash)
}
