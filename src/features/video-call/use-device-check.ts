import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * `idle` before the person asks; `both` camera and microphone work; `voiceOnly` the microphone works
 * but the camera is missing or refused; `noMicrophone` nothing usable (refused, missing or broken).
 */
export type DeviceState =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'both'; stream: MediaStream }
  | { kind: 'voiceOnly'; stream: MediaStream }
  | { kind: 'noMicrophone'; reason: 'denied' | 'missing' | 'failed' }

function reasonOf(error: unknown): 'denied' | 'missing' | 'failed' {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing'
  return 'failed'
}

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop()
}

/** Loudness 0–100 from the analyser's waveform (root mean square, scaled so speech fills the bar). */
function loudness(analyser: AnalyserNode, buffer: Float32Array<ArrayBuffer>): number {
  analyser.getFloatTimeDomainData(buffer)
  let sum = 0
  for (const sample of buffer) sum += sample * sample
  return Math.min(100, Math.round(Math.sqrt(sum / buffer.length) * 400))
}

/**
 * Asks for camera and microphone once, falls back to the microphone alone, and measures the
 * microphone's level on the device (AudioContext analyser). Nothing is recorded or sent; every
 * track is stopped when the page closes or the meeting is opened.
 */
export function useDeviceCheck() {
  const [state, setState] = useState<DeviceState>({ kind: 'idle' })
  const [level, setLevel] = useState(0)
  const streamRef = useRef<MediaStream | null>(null)
  const audioRef = useRef<{ context: AudioContext; timer: ReturnType<typeof setInterval> } | null>(null)

  const release = useCallback(() => {
    if (audioRef.current) {
      clearInterval(audioRef.current.timer)
      void audioRef.current.context.close().catch(() => undefined)
      audioRef.current = null
    }
    stopStream(streamRef.current)
    streamRef.current = null
  }, [])

  useEffect(() => release, [release])

  const measure = useCallback((stream: MediaStream) => {
    try {
      const context = new AudioContext()
      const analyser = context.createAnalyser()
      analyser.fftSize = 1024
      context.createMediaStreamSource(stream).connect(analyser)
      const buffer = new Float32Array(analyser.fftSize)
      // Ten times a second is enough to see the bar move and keeps re-renders cheap; the bar falls
      // back slowly, so a short sound stays visible long enough to be seen.
      const timer = setInterval(() => {
        const now = loudness(analyser, buffer)
        setLevel((shown) => Math.max(now, Math.floor(shown * 0.8)))
      }, 100)
      audioRef.current = { context, timer }
    } catch {
      // No Web Audio: the preview still works; the level stays at 0.
    }
  }, [])

  const start = useCallback(async () => {
    release()
    setState({ kind: 'asking' })
    const media = globalThis.navigator?.mediaDevices
    if (!media?.getUserMedia) return setState({ kind: 'noMicrophone', reason: 'failed' })
    let stream: MediaStream
    try {
      stream = await media.getUserMedia({ video: true, audio: true })
      streamRef.current = stream
      measure(stream)
      return setState({ kind: 'both', stream })
    } catch (error) {
      // A refusal of both is final: asking again for the microphone alone would only nag.
      if (reasonOf(error) === 'denied' && !(await microphoneMayBeAllowed())) return setState({ kind: 'noMicrophone', reason: 'denied' })
    }
    try {
      stream = await media.getUserMedia({ audio: true })
      streamRef.current = stream
      measure(stream)
      setState({ kind: 'voiceOnly', stream })
    } catch (error) {
      setState({ kind: 'noMicrophone', reason: reasonOf(error) })
    }
  }, [measure, release])

  const setCameraOn = useCallback((on: boolean) => {
    for (const track of streamRef.current?.getVideoTracks() ?? []) track.enabled = on
  }, [])

  return { state, level, start, stop: release, setCameraOn }
}

/** Whether the microphone alone could still be allowed (the camera may be what was refused). */
async function microphoneMayBeAllowed(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName })
    return status.state !== 'denied'
  } catch {
    return true
  }
}
