import type { ReactNode } from 'react'
import { CheckBox } from '@/components/form/check-box'
import { RubyText } from '@/components/ruby-text'
import { deployment, localized } from '@/lib/deployment'
import { formatDay, formatLongDate, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import { RETENTION_DAYS } from '@/shared/limits'
import styles from './booking.module.css'
import type { StepProps } from './step-props'

const DAY_MS = 86_400_000

export function StepReview({ answers, update, errors, goTo }: StepProps & { goTo: (step: number) => void }) {
  const text = useText('booking')
  const language = text.language
  const window = deployment.windows.find((w) => w.id === answers.windowId)
  const windowName = window ? localized(window.name, language) : ''
  const none = text.r('review.none')
  const rows: Array<[string, ReactNode, number]> = [
    ['asker', answers.asker ? <>{text.r(`who.${answers.asker}`)}{answers.relation ? <>（{text.r(`who.relationShort.${answers.relation}`)}）</> : null}</> : none, 1],
    ['nickname', answers.nickname.trim(), 2],
    ['age', answers.ageGroup ? text.r(`nickname.age.${answers.ageGroup}`) : none, 2],
    ['mode', answers.mode ? text.r(`mode.${answers.mode}`) : none, 3],
    ['window', <RubyText key="w" text={windowName} />, 4],
    [
      'slot',
      answers.slot?.kind === 'slot'
        ? text.r('slotWhen', { day: formatDay(answers.slot.slot.start, language), start: formatTime(answers.slot.slot.start), end: formatTime(answers.slot.slot.end) })
        : answers.mode === 'letter' ? text.r('slot.letterOnly') : text.r('slot.later'),
      5,
    ],
    ['concerns', answers.concerns.length > 0 ? <RubyText key="c" text={answers.concerns.map((c) => text.raw(`concern.${c}`)).join(text.raw('listSeparator'))} /> : none, 6],
    ['message', answers.message.trim() ? text.r('review.messageWritten', { count: answers.message.length }) : none, 6],
    ['contact', text.r(`details.contact.${answers.contactKind}`), 6],
  ]
  const deleteDate = formatLongDate(new Date(Date.now() + RETENTION_DAYS * DAY_MS).toISOString(), language)
  return (
    <>
      <h3>{text.r('review.summaryHeading')}</h3>
      <dl className={styles.summary}>
        {rows.map(([key, value, step]) => (
          <div key={key} className={styles.summaryRow}>
            <dt>{text.r(`review.${key}`)}</dt>
            <dd>{value}</dd>
            <dd className={styles.summaryChange}>
              <button type="button" className={styles.linkButton} onClick={() => goTo(step)} aria-label={`${text.s('change')}: ${text.s(`review.${key}`)}`}>
                {text.r('change')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <h3>{text.r('review.purposeHeading')}</h3>
      <p>{text.r('review.purpose', { window: windowName })}</p>
      <h3>{text.r('review.storedHeading')}</h3>
      <p>{text.r('review.stored')}</p>
      <p>{text.r('review.storedVisible')}</p>
      <h3>{text.r('review.deleteHeading')}</h3>
      <p>{text.r('review.delete', { date: deleteDate, days: RETENTION_DAYS })}</p>
      <CheckBox
        id="booking-consent"
        label={text.r('review.consent')}
        error={errors.consent ? text.r(errors.consent) : undefined}
        checked={answers.consent}
        onChange={(consent) => update({ consent })}
      />
    </>
  )
}
