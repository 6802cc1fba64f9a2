import { ChoiceGroup } from '@/components/form/choice-group'
import { TextArea, TextField } from '@/components/form/text-field'
import { useText } from '@/lib/use-text'
import { MESSAGE_MAX } from '@/shared/limits'
import { concernIds, contactKinds, type Answers } from '../booking-answers'
import type { StepProps } from './step-props'

const NO_MAIN = 'none'

export function StepDetails({ answers, update, errors, variant }: StepProps) {
  const text = useText('booking')
  const err = (key: string) => (errors[key] ? text.r(errors[key]) : undefined)
  const toggleConcern = (value: string, checked: boolean) => {
    const concerns = checked ? [...answers.concerns, value as Answers['concerns'][number]] : answers.concerns.filter((c) => c !== value)
    update({ concerns, mainConcern: answers.mainConcern && concerns.includes(answers.mainConcern) ? answers.mainConcern : null })
  }
  return (
    <>
      <p>{text.r('details.hint')}</p>
      <ChoiceGroup
        id="booking-concerns"
        name="concerns"
        type="checkbox"
        legend={text.r(`details.concernsLegend.${variant}`)}
        support={text.r('details.concernsHint')}
        choices={concernIds.map((value) => ({ value, label: text.r(`concern.${value}`) }))}
        selected={answers.concerns}
        onToggle={toggleConcern}
        compact
      />
      {answers.concerns.length > 1 ? (
        <ChoiceGroup
          id="booking-main-concern"
          name="mainConcern"
          type="radio"
          legend={text.r('details.mainLegend')}
          support={text.r('details.mainHint')}
          error={err('mainConcern')}
          choices={[...answers.concerns.map((value) => ({ value, label: text.r(`concern.${value}`) })), { value: NO_MAIN, label: text.r('details.mainNone') }]}
          selected={[answers.mainConcern ?? NO_MAIN]}
          onToggle={(value) => update({ mainConcern: value === NO_MAIN ? null : (value as Answers['mainConcern']) })}
          compact
        />
      ) : null}
      <TextArea
        id="booking-message"
        name="message"
        label={
          <>
            {text.r(`details.messageLabel.${variant}`)}
            {text.r('optional')}
          </>
        }
        support={text.r('details.messageHint')}
        error={err('message')}
        after={text.r('details.messageCount', { count: MESSAGE_MAX - answers.message.length })}
        value={answers.message}
        rows={6}
        onChange={(event) => update({ message: event.currentTarget.value })}
      />
      <ChoiceGroup
        id="booking-contact"
        name="contactKind"
        type="radio"
        legend={text.r('details.contactLegend')}
        support={text.r('details.contactHint')}
        choices={contactKinds.map((value) => ({ value, label: text.r(`details.contact.${value}`) }))}
        selected={[answers.contactKind]}
        onToggle={(value) => update({ contactKind: value as Answers['contactKind'] })}
      />
      {answers.contactKind === 'email' ? (
        <TextField
          id="booking-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          label={text.r('details.emailLabel')}
          support={text.r('details.emailHint')}
          error={err('email')}
          value={answers.email}
          onChange={(event) => update({ email: event.currentTarget.value })}
        />
      ) : null}
      {answers.contactKind === 'phone' ? (
        <>
          <TextField
            id="booking-phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            label={text.r('details.phoneLabel')}
            support={text.r('details.phoneHint')}
            error={err('phone')}
            value={answers.phone}
            onChange={(event) => update({ phone: event.currentTarget.value })}
          />
          <TextField
            id="booking-safe-times"
            autoComplete="off"
            label={
              <>
                {text.r('details.safeTimesLabel')}
                {text.r('optional')}
              </>
            }
            support={text.r('details.safeTimesHint')}
            error={err('safeTimes')}
            value={answers.safeTimes}
            onChange={(event) => update({ safeTimes: event.currentTarget.value })}
          />
        </>
      ) : null}
    </>
  )
}
