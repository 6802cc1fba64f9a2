import { BookingPage } from '@/features/booking/components/booking-page'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function BookRoute() {
  const text = useText('booking')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return <BookingPage statusPath={paths.status} homePath={paths.home} />
}
