import { PhoneStatusLine } from '@/features/phone-status/phone-status-line'
import { WindowCard } from '@/features/windows/window-card'
import { defaultWindow } from '@/lib/deployment'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'

export default function BookRoute() {
  const text = useText('windows')
  usePageTitle(text.s('bookTitle'), text.s('common:siteTitle'))
  return (
    <>
      <h1>{text.r('bookTitle')}</h1>
      <p>{text.r('bookLead')}</p>
      <WindowCard window={defaultWindow()} phoneStatus={<PhoneStatusLine window={defaultWindow()} />} />
    </>
  )
}
