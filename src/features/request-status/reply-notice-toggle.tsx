import { useEffect, useState } from 'react'
import { CheckBox } from '@/components/form/check-box'
import { noticeMayBeOn } from '@/lib/notice-names'
import { isWatching, markSeen, stopWatching, watchReplies } from '@/lib/reply-notice'
import { useText } from '@/lib/use-text'
import type { Credentials } from '@/shared/schemas/requests'
import styles from './status.module.css'

interface Props {
  credentials: Credentials
  staffReplies: number
  open: boolean
}

/** 「この端末で返事を知らせる」: off unless the person turns it on; a closed booking turns it off. */
export function ReplyNoticeToggle({ credentials, staffReplies, open }: Props) {
  const text = useText('status')
  const [on, setOn] = useState(false)
  const [permission, setPermission] = useState(() => globalThis.Notification?.permission ?? 'denied')
  const { lookupId } = credentials

  useEffect(() => {
    let live = true
    // Without the database the notice is off: do not open (and so create) it just to ask.
    void noticeMayBeOn().then(async (exists) => {
      const watching = exists && (await isWatching(lookupId))
      if (!live) return
      if (watching && !open) return stopWatching(lookupId)
      setOn(watching)
      if (watching) await markSeen(lookupId, staffReplies)
    })
    return () => {
      live = false
    }
  }, [lookupId, staffReplies, open])

  async function change(next: boolean) {
    setOn(next)
    if (next) await watchReplies(credentials, staffReplies)
    else await stopWatching(lookupId)
  }

  if (!open) return null
  return (
    <div className={styles.block}>
      <CheckBox id="reply-notice" label={text.r('notice.label')} support={text.r('notice.hint')} checked={on} onChange={(next) => void change(next)} />
      {on && permission === 'default' ? (
        <button type="button" className={styles.secondary} onClick={() => void Notification.requestPermission().then(setPermission)}>
          {text.r('notice.allowNotifications')}
        </button>
      ) : null}
    </div>
  )
}
