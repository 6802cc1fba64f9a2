import { RubyText } from '@/components/ruby-text'
import { deployment, localized } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import type { ConsultationMode } from '@/shared/schemas/common'
import type { Slot } from '@/shared/schemas/requests'
import type { Answers } from '../booking-answers'
import type { WindowTimes } from '../use-window-times'
import styles from './booking.module.css'

interface Props {
  windowId: string
  mode: Exclude<ConsultationMode, 'letter'>
  times: Record<string, WindowTimes>
  windowReady: (id: string) => boolean
  when: (slot: Slot) => string
  update: (change: Partial<Answers>) => void
  onWait: () => void
}

/**
 * The chosen window has no time in the chosen mode for 14 days: say so here, before the empty
 * time list, and offer what does have a time (another mode, another window) or waiting for contact.
 */
export function NoTimeOffer({ windowId, mode, times, windowReady, when, update, onWait }: Props) {
  const text = useText('booking')
  const own = times[windowId]
  if (own?.state !== 'ready' || own.next[mode]) return null
  const modeName = text.raw(`mode.${mode}`)
  const windowName = (id: string) => localized(deployment.windows.find((w) => w.id === id)!.name, text.language)
  const otherModes = (Object.entries(own.next) as Array<[ConsultationMode, Slot]>).sort(([, a], [, b]) => Date.parse(a.start) - Date.parse(b.start))
  const otherWindows = deployment.windows
    .filter((w) => w.id !== windowId && windowReady(w.id))
    .flatMap((w) => {
      const other = times[w.id]
      const next = other?.state === 'ready' ? other.next[mode] : undefined
      return next ? [{ id: w.id, next }] : []
    })
  return (
    <section className={styles.notice} aria-labelledby="no-time-heading">
      <h3 id="no-time-heading">
        {text.r('window.noTimeHeading', { window: windowName(windowId), mode: modeName })}
      </h3>
      <p>{text.r('window.noTimeHint')}</p>
      <ul className={styles.offerList}>
        {otherModes.map(([other, slot]) => (
          <li key={other}>
            <button type="button" className={styles.secondary} onClick={() => update({ mode: other, slot: null })}>
              {text.r('window.useMode', { mode: text.raw(`mode.${other}`), when: when(slot) })}
            </button>
          </li>
        ))}
        {otherWindows.map(({ id, next }) => (
          <li key={id}>
            <button type="button" className={styles.secondary} onClick={() => update({ windowId: id, slot: null })}>
              {text.r('window.useWindow', { window: windowName(id), mode: modeName, when: when(next) })}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className={styles.secondary} onClick={onWait}>
            {text.r('window.wait')}
          </button>
        </li>
      </ul>
    </section>
  )
}
