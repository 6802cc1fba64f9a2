import { PhoneStatusLine } from '@/features/phone-status/phone-status-line'
import { WindowCard } from '@/features/windows/window-card'
import { deployment } from '@/lib/deployment'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'

export default function WindowsRoute() {
  const text = useText('windows')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return (
    <>
      <h1>{text.r('title')}</h1>
      <p>{text.r('lead')}</p>
      {deployment.windows.map((window) => (
        <WindowCard key={window.id} window={window} phoneStatus={<PhoneStatusLine window={window} />} />
      ))}
    </>
  )
}
