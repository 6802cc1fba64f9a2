import { Link } from 'react-router'
import { GuidePage } from '@/features/guide/guide-page'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function Route() {
  const text = useText('guide')
  return (
    <GuidePage page="secret">
      <Link to={paths.safety}>{text.r('links.safety')}</Link>
      <Link to={paths.book}>{text.r('links.book')}</Link>
      <Link to={paths.hurdleName}>{text.r('links.name')}</Link>
    </GuidePage>
  )
}
