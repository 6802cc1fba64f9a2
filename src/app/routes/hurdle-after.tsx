import { Link } from 'react-router'
import { GuidePage } from '@/features/guide/guide-page'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function Route() {
  const text = useText('guide')
  return (
    <GuidePage page="after">
      <Link to={paths.next}>{text.r('links.next')}</Link>
      <Link to={paths.book}>{text.r('links.book')}</Link>
      <Link to={paths.family}>{text.r('links.family')}</Link>
    </GuidePage>
  )
}
