import { Link } from 'react-router'
import { GuidePage } from '@/features/guide/guide-page'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function Route() {
  const text = useText('guide')
  return (
    <GuidePage page="who">
      <Link to={paths.book}>{text.r('links.book')}</Link>
      <Link to={paths.hurdleName}>{text.r('links.name')}</Link>
      <Link to={paths.windows}>{text.r('links.windows')}</Link>
      <Link to={paths.family}>{text.r('links.family')}</Link>
    </GuidePage>
  )
}
