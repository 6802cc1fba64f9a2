import { useEffect, useState } from 'react'
import { deployment } from '@/lib/deployment'
import { openVideoLink, sealVideoLink } from '@/shared/crypto/video-link-seal'
import type { CaseDetail } from '@/shared/schemas/staff'
import { checkPastedLink, generateVideoLink, videoConfigOf } from '@/shared/video-link'
import { staffApi } from '../staff-api'
import styles from '../staff.module.css'
import { st } from '../staff-text'
import { useAction } from './case-forms'

/** The link as stored: opened here with the reply key from the request, never sent in the clear. */
function useCurrentLink(detail: CaseDetail, replyKey: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    if (!detail.video || !replyKey) setUrl(null)
    else void openVideoLink(replyKey, detail.requestId, detail.video).then((opened) => live && setUrl(opened))
    return () => {
      live = false
    }
  }, [detail.video, detail.requestId, replyKey])
  return url
}

/**
 * The meeting link of a video booking: generated for the deployment's provider (a Jitsi room with
 * 128 random bits) or pasted (https only), sealed in this browser with the person's reply key.
 */
export function VideoLinkForm({ detail, replyKey, onChanged }: { detail: CaseDetail; replyKey: string | null; onChanged: () => Promise<void> }) {
  const { windowId, requestId } = detail
  const current = useCurrentLink(detail, replyKey)
  const [video, setVideo] = useState('')
  const action = useAction(onChanged)
  const config = videoConfigOf(deployment)
  useEffect(() => setVideo((typed) => typed || current || ''), [current])

  return (
    <section aria-labelledby="case-video-heading">
      <h2 id="case-video-heading">{st('case.videoHeading')}</h2>
      {!replyKey ? (
        <p className={styles.hint}>{st('case.videoNoKey')}</p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) =>
            void action.run(e, async (done) => {
              const checked = checkPastedLink(video)
              if (!checked.ok) return action.fail(st('case.videoInvalid'))
              await staffApi.setVideo(windowId, requestId, await sealVideoLink(replyKey, requestId, checked.url))
              done(st('case.videoSaved'))
            })
          }
        >
          {current ? (
            <p>
              {st('case.videoCurrent')}
              <a href={current} target="_blank" rel="noopener noreferrer">{current}</a>
            </p>
          ) : null}
          <label htmlFor="case-video">{st('case.videoLabel')}</label>
          <p id="case-video-hint" className={styles.hint}>
            {st('case.videoHint')}
          </p>
          <input id="case-video" type="url" inputMode="url" aria-describedby="case-video-hint" value={video} onChange={(e) => setVideo(e.target.value)} />
          <div className={styles.actions}>
            {config.provider === 'jitsi' ? (
              <button type="button" className={styles.secondary} disabled={action.busy} onClick={() => setVideo(generateVideoLink(config) ?? '')}>
                {st('case.videoGenerate')}
              </button>
            ) : null}
            <button type="submit" className={styles.primary} disabled={action.busy}>
              {st('case.videoSave')}
            </button>
            {detail.video ? (
              <button
                type="button"
                className={styles.secondary}
                disabled={action.busy}
                onClick={(e) =>
                  void action.run(e, async (done) => {
                    await staffApi.setVideo(windowId, requestId, null)
                    setVideo('')
                    done(st('case.videoRemoved'))
                  })
                }
              >
                {st('case.videoRemove')}
              </button>
            ) : null}
          </div>
          {action.feedback}
        </form>
      )}
    </section>
  )
}
