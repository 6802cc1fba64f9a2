import { StatusPage } from '@/features/request-status/status-page'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function StatusRoute() {
  const text = useText('status')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return <StatusPage callPath={paths.call} />
}
