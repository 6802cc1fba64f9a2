import { RubyText } from '@/components/ruby-text'
import type { ReactNode } from 'react'
import { formatHours } from '@/lib/format-hours'
import { localized } from '@/lib/deployment'
import { nameFor } from '@/lib/reading-text'
import { useText } from '@/lib/use-text'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import styles from './window-card.module.css'

interface Props {
  window: ConsultationWindow
  /** The live phone line, composed in by the route (features do not import each other). */
  phoneStatus?: ReactNode
}

export function WindowCard({ window, phoneStatus }: Props) {
  const text = useText('windows')
  const common = useText('common')
  const language = text.language
  return (
    <section className={styles.card} aria-labelledby={`window-${window.id}`}>
      <h2 id={`window-${window.id}`} className={styles.name}>
        <RubyText text={localized(window.name, language)} />
      </h2>
      <p className={styles.municipality}>
        <RubyText text={localized(window.municipality, language)} />
      </p>
      {window.phone ? phoneStatus : <p>{text.r('noPhone')}</p>}
      <dl className={styles.details}>
        {window.visitHours.length > 0 ? (
          <>
            <dt>{text.r('visit')}</dt>
            <dd>
              {formatHours(window.visitHours, common)}
            </dd>
          </>
        ) : null}
        {window.address ? (
          <>
            <dt>{text.r('address')}</dt>
            <dd>
              <RubyText text={localized(window.address, language)} />
            </dd>
          </>
        ) : null}
        {window.email ? (
          <>
            <dt>{text.r('email')}</dt>
            <dd>
              <a href={`mailto:${window.email}`}>{window.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className={styles.source}>
        {text.r('source')} <RubyText text={nameFor(window.source, window.sourceKana, language)} />
      </p>
    </section>
  )
}
