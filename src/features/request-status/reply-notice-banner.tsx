import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { noticeMayBeOn } from '@/lib/notice-names'
import { useText } from '@/lib/use-text'

/**
 * The neutral badge on opening the app: only when the person turned the notice on for a booking
 * (otherwise not even the database code is loaded) and a staff reply is new.
 */
export function ReplyNoticeBanner({ statusPath, className }: { statusPath: string; className?: string }) {
  const text = useText('common')
  const [fresh, setFresh] = useState(false)
  useEffect(() => {
    let live = true
    void noticeMayBeOn().then(async (on) => {
      if (!on) return
      const notice = await import('@/lib/reply-notice')
      const found = await notice.checkReplies().catch(() => false)
      if (live) setFresh(found)
    })
    return () => {
      live = false
    }
  }, [])
  return (
    <div role="status">
      {fresh ? (
        <p className={className}>
          {text.r('notice.fresh')} <Link to={statusPath} onClick={() => setFresh(false)}>{text.r('notice.open')}</Link>
        </p>
      ) : null}
    </div>
  )
}
