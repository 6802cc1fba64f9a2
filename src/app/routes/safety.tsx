import { Link } from 'react-router'
import { GuidePage } from '@/features/guide/guide-page'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function Route() {
  const text = useText('guide')
  return (
    <GuidePage page="safety">
      <Link to={paths.hurdleSecret}>{text.r('links.secret')}</Link>
      <Link to={paths.book}>{text.r('links.book')}</Link>
      <Link to={paths.home}>{text.r('links.home')}</Link>
    </GuidePage>
  )
}
