import { StatusPage } from '@/features/request-status/status-page'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'

export default function StatusRoute() {
  const text = useText('status')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return <StatusPage />
}
