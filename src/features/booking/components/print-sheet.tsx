import { useEffect, useState } from 'react'
import { RubyText } from '@/components/ruby-text'
import { localized } from '@/lib/deployment'
import { fixedText } from '@/lib/fixed-text'
import { formatDay, formatLongDate, formatTime } from '@/lib/slot-format'
import { formatReceiptCode } from '@/shared/crypto/receipt-code'
import type { ConsultationMode } from '@/shared/schemas/common'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import type { Slot } from '@/shared/schemas/requests'
import styles from './confirmation.module.css'

interface Props {
  receipt: string
  window: ConsultationWindow
  slot: Slot | null
  mode: ConsultationMode
  deleteAfter: string
  statusUrl: string
}

type Translate = Awaited<ReturnType<typeof fixedText>>

/**
 * The paper copy is always in やさしい日本語: it may travel in an envelope with a letter, be read
 * by a parent, or be kept in a drawer for weeks. It carries no nickname.
 */
export function PrintSheet({ receipt, window, slot, mode, deleteAfter, statusUrl }: Props) {
  const [t, setT] = useState<Translate | null>(null)
  useEffect(() => {
    let live = true
    fixedText('ja-easy', 'booking').then((translate) => live && setT(() => translate), () => undefined)
    return () => {
      live = false
    }
  }, [])
  if (!t) return null
  const r = (key: string, options?: Record<string, unknown>) => <RubyText text={t(key, options)} />
  return (
    <section className={styles.printSheet} lang="ja">
      <h2>{r('print.title')}</h2>
      <p className={styles.printLabel}>{r('print.receipt')}</p>
      <p className={styles.printCode}>{formatReceiptCode(receipt)}</p>
      <dl>
        <dt>{r('print.window')}</dt>
        <dd><RubyText text={localized(window.name, 'ja-easy')} /></dd>
        {slot ? (
          <>
            <dt>{r('print.when')}</dt>
            <dd>{t('slotWhen', { day: formatDay(slot.start, 'ja'), start: formatTime(slot.start), end: formatTime(slot.end) })}</dd>
          </>
        ) : null}
        <dt>{r('print.mode')}</dt>
        <dd>{r(`mode.${mode}`)}</dd>
      </dl>
      <p>{r('print.keep')}</p>
      <p>{r('print.letter')}</p>
      <p>
        {r('print.status')} {statusUrl}
      </p>
      <p>{r('print.delete', { date: formatLongDate(deleteAfter, 'ja') })}</p>
    </section>
  )
}
