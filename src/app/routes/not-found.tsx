import { Link } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function NotFoundRoute() {
  const text = useText('common')
  usePageTitle(text.s('notFound.title'), text.s('siteTitle'))
  return (
    <>
      <h1>{text.r('notFound.title')}</h1>
      <p>{text.r('notFound.body')}</p>
      <p>
        <Link to={paths.home}>{text.r('notFound.back')}</Link>
      </p>
    </>
  )
}
