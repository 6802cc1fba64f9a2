import { render } from '@testing-library/react'
import { MemoryRouter, useLocation, type Location } from 'react-router'
import { AppRoutes } from '@/app/router'
import { changeLanguage } from '@/lib/i18n'
import type { Language } from '@/lib/languages'

/** Renders the app at `path`; `location()` is where the app is now (e.g. filters written to the URL). */
export async function renderRoute(path: string, language: Language = 'ja') {
  await changeLanguage(language)
  let current: Location | null = null
  function LocationProbe() {
    current = useLocation()
    return null
  }
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
      <LocationProbe />
    </MemoryRouter>,
  )
  return { ...result, location: (): Location => current! }
}
