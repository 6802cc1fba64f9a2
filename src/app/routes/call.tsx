import { CallPage } from '@/features/video-call/call-page'
import { readCallHandoff } from '@/lib/call-handoff'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function CallRoute() {
  const text = useText('call')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return <CallPage handoff={readCallHandoff()} statusPath={paths.status} />
}
