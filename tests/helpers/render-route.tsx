import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { routes } from '@/app/router'
import { changeLanguage } from '@/lib/i18n'
import type { Language } from '@/lib/languages'

export async function renderRoute(path: string, language: Language = 'ja') {
  await changeLanguage(language)
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const result = render(<RouterProvider router={router} />)
  return { ...result, router }
}
