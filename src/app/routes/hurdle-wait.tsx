import { Link } from 'react-router'
import { GuidePage } from '@/features/guide/guide-page'
import { PhoneStatusLine } from '@/features/phone-status/phone-status-line'
import { defaultWindow } from 'virtual:shell-config'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function Route() {
  const text = useText('guide')
  return (
    <GuidePage page="wait" highlight={<PhoneStatusLine window={defaultWindow} showHours={false} />}>
      <Link to={paths.book}>{text.r('links.book')}</Link>
      <Link to={paths.windows}>{text.r('links.windows')}</Link>
      <Link to={paths.hurdleAfter}>{text.r('links.after')}</Link>
    </GuidePage>
  )
}
