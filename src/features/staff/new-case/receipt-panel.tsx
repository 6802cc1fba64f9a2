import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { formatLongDate } from '@/lib/slot-format'
import { formatReceiptCode } from '@/shared/crypto/receipt-code'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import { slotTimes } from '../case/use-open-slots'
import staff from '../staff.module.css'
import { st } from '../staff-text'
import type { CreatedCase } from './create-case'
import type { NewCaseAnswers } from './new-case-answers'
import { newCaseText as text } from './new-case-text'
import styles from './new-case.module.css'

interface Props {
  created: CreatedCase
  answers: NewCaseAnswers
  window: ConsultationWindow
  onAnother: () => void
}

/** The letter sheet: only what the person needs to use /status, in やさしい日本語; no nickname on it. */
function LetterSheet({ created, window, statusUrl, when }: { created: CreatedCase; window: ConsultationWindow; statusUrl: string; when: string | null }) {
  const s = text.sheet
  return (
    <section className={styles.sheet} lang="ja" aria-hidden="true">
      <h2><RubyText text={s.title} /></h2>
      <p><RubyText text={s.receipt} /></p>
      <p className={styles.sheetCode}>{formatReceiptCode(created.receipt)}</p>
      <p><RubyText text={s.window} />: {s.windowName(window.name.ja, window.phone)}</p>
      {when ? <p><RubyText text={s.when} />: {when}</p> : null}
      <p><RubyText text={s.keep} /></p>
      <h3><RubyText text={s.howHeading} /></h3>
      <ol>
        {s.how.map((line) => <li key={line}><RubyText text={line} /></li>)}
      </ol>
      <p className={styles.sheetUrl}>{statusUrl}</p>
      <p><RubyText text={s.delete(formatLongDate(created.deleteAfter, 'ja'))} /></p>
    </section>
  )
}

/**
 * The receipt, LARGE and in groups of four, to read out on the phone or at the counter, with a print
 * sheet for the letter. It lives in this component's memory only: leaving the page loses it for good.
 */
export function ReceiptPanel({ created, answers, window, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const slot = created.slot
  const when = slot ? text.slotOption(slotTimes(slot).day, slotTimes(slot).start, slotTimes(slot).end) : null
  const groups = formatReceiptCode(created.receipt).split(' ')
  const statusUrl = new URL('/status', location.origin).href
  return (
    <>
      <section aria-labelledby="receipt-heading">
        <h2 id="receipt-heading" ref={heading} tabIndex={-1}>{text.done.heading}</h2>
        <p className={staff.notice}>{text.done.lead}</p>
        <p className={styles.codeLabel} id="receipt-code-label">{text.done.codeLabel}</p>
        <ol className={styles.code} aria-labelledby="receipt-code-label" data-testid="staff-receipt">
          {groups.map((g, i) => <li key={i}>{g}</li>)}
        </ol>
        <p className={staff.hint}>{text.done.readAloud}</p>
        <dl className={staff.details}>
          <dt>{text.done.mode}</dt>
          <dd>{st(`modes.${answers.mode ?? 'phone'}`)}</dd>
          <dt>{text.done.when}</dt>
          <dd>{when ?? text.done.noSlot}</dd>
          <dt>{text.done.deleteAfter}</dt>
          <dd>{formatLongDate(created.deleteAfter, 'ja')}</dd>
        </dl>
        <div className={staff.actions}>
          <button type="button" className={staff.primary} onClick={() => globalThis.print()}>{text.done.print}</button>
          <Link to={`/staff/cases/${encodeURIComponent(window.id)}/${encodeURIComponent(created.requestId)}`}>{text.done.openCase}</Link>
          <button type="button" className={staff.secondary} onClick={onAnother}>{text.done.another}</button>
        </div>
      </section>
      <LetterSheet created={created} window={window} statusUrl={statusUrl} when={when} />
    </>
  )
}
