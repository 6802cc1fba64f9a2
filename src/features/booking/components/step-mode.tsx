import { ChoiceGroup } from '@/components/form/choice-group'
import { useText } from '@/lib/use-text'
import { consultationModes } from '@/shared/schemas/common'
import type { StepProps } from './step-props'

export function StepMode({ answers, update, errors, variant, headingId }: StepProps) {
  const text = useText('booking')
  return (
    <ChoiceGroup
      id="booking-mode"
      name="mode"
      type="radio"
      labelledBy={headingId}
      support={text.r(`mode.hint.${variant}`)}
      error={errors.mode ? text.r(errors.mode) : undefined}
      choices={consultationModes.map((value) => ({ value, label: text.r(`mode.${value}`), hint: text.r(`mode.${value}Hint`) }))}
      selected={answers.mode ? [answers.mode] : []}
      // A slot belongs to one mode: changing the mode clears it.
      onToggle={(value) => update({ mode: value as StepProps['answers']['mode'], slot: value === answers.mode ? answers.slot : null })}
    />
  )
}
