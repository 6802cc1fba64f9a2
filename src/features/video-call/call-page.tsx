import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { CheckBox } from '@/components/form/check-box'
import { RubyText } from '@/components/ruby-text'
import type { CallHandoff } from '@/lib/call-handoff'
import { deployment, localized } from '@/lib/deployment'
import { formatDay, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import { meetingLinkWithChoices, videoConfigOf } from '@/shared/video-link'
import styles from './call.module.css'
import { useDeviceCheck } from './use-device-check'

interface Props {
  /** The meeting handed over by /status in memory; null when the page was opened some other way. */
  handoff: CallHandoff | null
  statusPath: string
}

/** 「声が届いています」 once the bar passes this: a screen reader hears the check, not only sees it. */
const HEARD_LEVEL = 4

export function CallPage({ handoff, statusPath }: Props) {
  const text = useText('call')
  const language = text.language
  const { state, level, start, stop, setCameraOn } = useDeviceCheck()
  const [cameraOff, setCameraOff] = useState(false)
  const [audioOnly, setAudioOnly] = useState(false)
  const [heard, setHeard] = useState(false)
  const videoRef = useRef<HTMLVideoElement>(null)
  const win = deployment.windows.find((w) => w.id === handoff?.windowId) ?? deployment.windows.find((w) => w.id === deployment.defaultWindowId)
  const stream = state.kind === 'both' || state.kind === 'voiceOnly' ? state.stream : null
  const showVideo = state.kind === 'both' && !cameraOff && !audioOnly

  useEffect(() => {
    const video = videoRef.current
    if (!video || !stream) return
    video.srcObject = stream
    video.play().catch(() => undefined)
  }, [stream, showVideo])
  useEffect(() => setCameraOn(!cameraOff && !audioOnly), [cameraOff, audioOnly, setCameraOn])
  useEffect(() => {
    if (level >= HEARD_LEVEL) setHeard(true)
  }, [level])

  const voiceOnly = state.kind === 'voiceOnly'
  const link = handoff ? meetingLinkWithChoices(handoff.videoUrl, videoConfigOf(deployment), { cameraOff: cameraOff || voiceOnly, audioOnly: audioOnly || voiceOnly }) : null

  return (
    <>
      <h1>{text.r('title')}</h1>
      {handoff?.slot ? (
        <p className={styles.when}>
          {text.r('when', { day: formatDay(handoff.slot.start, language), start: formatTime(handoff.slot.start), end: formatTime(handoff.slot.end) })}
        </p>
      ) : null}

      <section aria-labelledby="call-permission" className={styles.section}>
        <h2 id="call-permission">{text.r('permission.heading')}</h2>
        {text.list('permission.body').map((line) => (
          <p key={line}><RubyText text={line} /></p>
        ))}
        {state.kind === 'idle' || state.kind === 'asking' ? (
          <button type="button" className={styles.primary} onClick={() => void start()} disabled={state.kind === 'asking'}>
            {text.r('permission.start')}
          </button>
        ) : null}
      </section>

      <div role="status" className={styles.status}>
        {state.kind === 'asking' ? text.r('check.asking') : null}
        {state.kind === 'both' ? text.r('check.both') : null}
        {voiceOnly ? text.r('check.voiceOnly') : null}
        {stream && heard ? <> {text.r('check.heard')}</> : null}
      </div>

      {stream ? (
        <section aria-labelledby="call-check" className={styles.section}>
          <h2 id="call-check">{text.r('check.heading')}</h2>
          {showVideo ? (
            <video ref={videoRef} className={styles.preview} autoPlay muted playsInline aria-label={text.s('check.preview')} />
          ) : state.kind === 'both' ? (
            <p className={styles.cameraOff}>{text.r('check.cameraIsOff')}</p>
          ) : null}
          <div className={styles.level}>
            <label htmlFor="call-level">{text.r('check.level')}</label>
            <meter id="call-level" min={0} max={100} low={HEARD_LEVEL} high={80} optimum={50} value={level} aria-describedby="call-level-hint" />
            <p id="call-level-hint" className={styles.hint}>{text.r('check.levelHint')}</p>
          </div>
          {state.kind === 'both' ? (
            <fieldset className={styles.choices}>
              <legend>{text.r('choices.legend')}</legend>
              <CheckBox id="call-camera-off" label={text.r('choices.cameraOff')} support={text.r('choices.cameraOffHint')} checked={cameraOff} onChange={setCameraOff} />
              <CheckBox id="call-audio-only" label={text.r('choices.audioOnly')} support={text.r('choices.audioOnlyHint')} checked={audioOnly} onChange={setAudioOnly} />
            </fieldset>
          ) : null}
        </section>
      ) : null}

      {state.kind === 'noMicrophone' ? (
        <section aria-labelledby="call-fallback" className={styles.fallback}>
          <h2 id="call-fallback">{text.r(`fallback.heading.${state.reason}`)}</h2>
          <p>{text.r('fallback.kept')}</p>
          {win?.phone ? (
            <p>
              {text.r('fallback.phone', { window: localized(win.name, language) })}{' '}
              <a href={`tel:${win.phone}`} className={styles.tel}>{win.phone}</a>
            </p>
          ) : null}
          <p>
            <Link to={statusPath} className={styles.secondaryLink} onClick={stop}>{text.r('fallback.text')}</Link>
          </p>
          <button type="button" className={styles.secondary} onClick={() => void start()}>
            {text.r('fallback.retry')}
          </button>
        </section>
      ) : null}

      {link && stream ? (
        <p className={styles.join}>
          {/* The device check lets go of camera and microphone first, so the meeting can take them. */}
          <a href={link} rel="noreferrer noopener" className={styles.primaryLink} onClick={stop}>
            {text.r(voiceOnly || audioOnly ? 'join.voice' : 'join.video')}
          </a>
        </p>
      ) : null}
      {!handoff ? (
        <p className={styles.notice}>
          {text.r('noMeeting.before')}
          <Link to={statusPath}>{text.r('noMeeting.link')}</Link>
          {text.r('noMeeting.after')}
        </p>
      ) : null}
    </>
  )
}
