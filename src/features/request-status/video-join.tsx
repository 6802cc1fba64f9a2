import { useEffect, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { CheckBox } from '@/components/form/check-box'
import { handOffCall, isJoinOpen, JOIN_EARLY_MS } from '@/lib/call-handoff'
import { deployment, localized } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import { openVideoLink } from '@/shared/crypto/video-link-seal'
import type { RequestView } from '@/shared/schemas/requests'
import styles from './status.module.css'
import { videoBookingIcs } from './video-ics'

/** The time, refreshed every 20 s, so the button appears on an open page when the window starts. */
function useClock(intervalMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** The meeting link, opened on this device with the reply key; null until then or if it does not open. */
function useVideoLink(view: RequestView, replyKeyRaw: string): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    if (!view.video) setUrl(null)
    else void openVideoLink(replyKeyRaw, view.requestId, view.video).then((opened) => live && setUrl(opened))
    return () => {
      live = false
    }
  }, [view.video, view.requestId, replyKeyRaw])
  return url
}

/** A video booking with a link: the way to /call (only near the time) and a calendar file. */
export function VideoJoin({ view, replyKeyRaw, callPath }: { view: RequestView; replyKeyRaw: string; callPath: string }) {
  const text = useText('status')
  const now = useClock()
  const [withLink, setWithLink] = useState(false)
  const videoUrl = useVideoLink(view, replyKeyRaw)
  const { slot } = view
  const win = deployment.windows.find((w) => w.id === view.windowId)
  const summary = text.s('video.icsSummary', { window: win ? localized(win.name, 'ja') : '' })
  const icsUrl = useMemo(() => {
    if (!slot || !videoUrl) return null
    return URL.createObjectURL(new Blob([videoBookingIcs(slot, summary, withLink ? videoUrl : null)], { type: 'text/calendar;charset=utf-8' }))
  }, [slot, videoUrl, summary, withLink])
  useEffect(() => () => (icsUrl ? URL.revokeObjectURL(icsUrl) : undefined), [icsUrl])
  if (!slot || !videoUrl) return null
  const open = isJoinOpen(slot, now)
  const before = now < Date.parse(slot.start) - JOIN_EARLY_MS

  return (
    <div className={styles.block}>
      {open ? (
        <p>
          <Link to={callPath} className={styles.primaryLink} onClick={() => handOffCall({ videoUrl, windowId: view.windowId, slot })}>
            {text.r('video.join')}
          </Link>
        </p>
      ) : before ? (
        <p>{text.r('video.later')}</p>
      ) : null}
      {before || open ? (
        <>
          <CheckBox id="video-ics-link" label={text.r('video.icsWithLink')} support={text.r('video.icsWithLinkHint')} checked={withLink} onChange={setWithLink} />
          {icsUrl ? (
            <p>
              <a href={icsUrl} download="video.ics">{text.r('video.ics')}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
