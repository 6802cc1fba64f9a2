import { Link } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function NotFoundRoute() {
  const text = useText('not-found')
  const common = useText('common')
  usePageTitle(text.s('title'), common.s('siteTitle'))
  return (
    <>
      <h1>{text.r('title')}</h1>
      <p>{text.r('body')}</p>
      <p>
        <Link to={paths.home}>{text.r('back')}</Link>
      </p>
    </>
  )
}
