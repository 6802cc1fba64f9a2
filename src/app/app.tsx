import { startTransition, useEffect, useLayoutEffect, useState } from 'react'
import { Router } from 'react-router'
import { appHistory } from '@/lib/app-history'
import { changeLanguage, currentLanguage } from '@/lib/i18n'
import { LANGUAGE_PREFIXES, splitLanguagePath } from '@/shared/language-paths'
import { AppRoutes } from './router'

/**
 * The router on the app's history, with the URL's language prefix as its base: `<Link to="/book">`
 * on an English page leads to `/en/book`, and the switcher's move from `/book` to `/en/book` keeps
 * the page (and a half-filled form) mounted. Updates are transitions, as in react-router's
 * BrowserRouter: a page still loading its code leaves the previous one on screen.
 */
export function App() {
  const history = appHistory()
  const [state, setState] = useState(() => ({ action: history.action, location: history.location }))
  useLayoutEffect(() => history.listen((update) => startTransition(() => setState(update))), [history])
  const { language } = splitLanguagePath(state.location.pathname)
  // The switcher loads the text before it moves; back and forward across languages catch up here,
  // after every move (two quick moves may commit as one, so the language alone would miss a change).
  useEffect(() => {
    if (language !== currentLanguage()) void changeLanguage(language)
  }, [language, state.location])
  return (
    <Router basename={LANGUAGE_PREFIXES[language] || '/'} location={state.location} navigationType={state.action} navigator={history}>
      <AppRoutes />
    </Router>
  )
}
