import { createContext, useContext, useEffect } from 'react'
import { withoutRuby } from '@/components/ruby-text'

/** Receives each page's title while the build pre-renders it, where effects do not run. */
export const PageTitleSink = createContext<((title: string) => void) | null>(null)

export function usePageTitle(title: string, siteTitle: string): void {
  const plain = withoutRuby(title)
  const full = plain === siteTitle ? siteTitle : `${plain} | ${siteTitle}`
  useContext(PageTitleSink)?.(full)
  useEffect(() => {
    document.title = full
  }, [full])
}
