import { localized } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import styles from './booking.module.css'

/**
 * Shown instead of sending when a window has no staff key certified against the keys pinned in
 * this build: online booking is not open there yet, and the phone is the way in.
 */
export function ClosedNotice({ windows }: { windows: ConsultationWindow[] }) {
  const text = useText('booking')
  return (
    <section aria-labelledby="booking-closed-heading" className={styles.notice}>
      <h2 id="booking-closed-heading" className={styles.closedHeading}>
        {text.r('closed.heading')}
      </h2>
      {windows.map((w) => (
        <p key={w.id}>
          {text.r('closed.window', { window: localized(w.name, text.language) })}{' '}
          {w.phone ? (
            <>
              {text.r('closed.phone')} <a href={`tel:${w.phone.replaceAll('-', '')}`}>{w.phone}</a>
            </>
          ) : (
            text.r('window.noPhone')
          )}
        </p>
      ))}
      <p>{text.r('closed.nothingSent')}</p>
    </section>
  )
}
