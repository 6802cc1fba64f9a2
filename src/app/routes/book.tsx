import { BookingPage } from '@/features/booking/components/booking-page'
import { ReplyNoticeForReceipt } from '@/features/request-status/reply-notice-for-receipt'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'

export default function BookRoute() {
  const text = useText('booking')
  usePageTitle(text.s('title'), text.s('common:siteTitle'))
  return <BookingPage statusPath={paths.status} homePath={paths.home} receiptExtras={(receipt) => <ReplyNoticeForReceipt receipt={receipt} />} />
}
