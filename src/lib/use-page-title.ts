import { useEffect } from 'react'
import { withoutRuby } from '@/components/ruby-text'

export function usePageTitle(title: string, siteTitle: string): void {
  useEffect(() => {
    const plain = withoutRuby(title)
    document.title = plain === siteTitle ? siteTitle : `${plain} | ${siteTitle}`
  }, [title, siteTitle])
}
