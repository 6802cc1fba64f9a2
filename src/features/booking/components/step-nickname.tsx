import { ChoiceGroup } from '@/components/form/choice-group'
import { TextField } from '@/components/form/text-field'
import { useText } from '@/lib/use-text'
import { ageGroups } from '@/shared/schemas/booking-payload'
import type { StepProps } from './step-props'

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' })

export function StepNickname({ answers, update, errors, variant }: StepProps) {
  const text = useText('booking')
  const count = [...segmenter.segment(answers.nickname.trim())].length
  return (
    <>
      <TextField
        id="booking-nickname"
        name="nickname"
        autoComplete="off"
        spellCheck={false}
        label={
          <>
            {text.r('nickname.label')}
            {text.r('required')}
          </>
        }
        support={text.r('nickname.hint')}
        error={errors.nickname ? text.r(errors.nickname) : undefined}
        after={text.r('nickname.count', { count })}
        value={answers.nickname}
        onChange={(event) => update({ nickname: event.currentTarget.value })}
      />
      <ChoiceGroup
        id="booking-age"
        name="ageGroup"
        type="radio"
        legend={
          <>
            {text.r(`nickname.ageLegend.${variant}`)}
            {text.r('optional')}
          </>
        }
        support={text.r('nickname.ageHint')}
        choices={ageGroups.map((value) => ({ value, label: text.r(`nickname.age.${value}`) }))}
        selected={answers.ageGroup ? [answers.ageGroup] : []}
        onToggle={(value) => update({ ageGroup: value as StepProps['answers']['ageGroup'] })}
        compact
      />
    </>
  )
}
