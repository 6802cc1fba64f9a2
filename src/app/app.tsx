import { useLayoutEffect } from 'react'
import { BrowserRouter } from 'react-router'
import { LANGUAGE_PENDING_ATTRIBUTE } from '@/shared/language-boot-script'
import { AppRoutes } from './router'

export function App() {
  // The page is there in the reader's language: show it (see shared/language-boot-script.ts).
  useLayoutEffect(() => document.documentElement.removeAttribute(LANGUAGE_PENDING_ATTRIBUTE), [])
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  )
}
