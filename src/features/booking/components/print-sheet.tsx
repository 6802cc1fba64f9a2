import { RubyText } from '@/components/ruby-text'
import { localized } from '@/lib/deployment'
import { formatDay, formatLongDate, formatTime } from '@/lib/slot-format'
import easy from '@/locales/ja-easy/booking.json'
import { formatReceiptCode } from '@/shared/crypto/receipt-code'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import type { ConsultationMode } from '@/shared/schemas/common'
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

/**
 * The paper copy is always in やさしい日本語: it may travel in an envelope with a letter, be read
 * by a parent, or be kept in a drawer for weeks. It carries no nickname.
 */
export function PrintSheet({ receipt, window, slot, mode, deleteAfter, statusUrl }: Props) {
  const t = easy.print
  const fill = (value: string, vars: Record<string, string>) => value.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '')
  return (
    <section className={styles.printSheet} lang="ja">
      <h2>
        <RubyText text={t.title} />
      </h2>
      <p className={styles.printLabel}>
        <RubyText text={t.receipt} />
      </p>
      <p className={styles.printCode}>{formatReceiptCode(receipt)}</p>
      <dl>
        <dt><RubyText text={t.window} /></dt>
        <dd><RubyText text={localized(window.name, 'ja-easy')} /></dd>
        {slot ? (
          <>
            <dt><RubyText text={t.when} /></dt>
            <dd>{fill(easy.slotWhen, { day: formatDay(slot.start, 'ja'), start: formatTime(slot.start), end: formatTime(slot.end) })}</dd>
          </>
        ) : null}
        <dt><RubyText text={t.mode} /></dt>
        <dd><RubyText text={easy.mode[mode]} /></dd>
      </dl>
      <p><RubyText text={t.keep} /></p>
      <p><RubyText text={t.letter} /></p>
      <p>
        <RubyText text={t.status} /> {statusUrl}
      </p>
      <p><RubyText text={fill(t.delete, { date: formatLongDate(deleteAfter, 'ja') })} /></p>
    </section>
  )
}
