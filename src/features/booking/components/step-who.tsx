import { ChoiceGroup } from '@/components/form/choice-group'
import { useText } from '@/lib/use-text'
import { askers, familyRelations } from '@/shared/schemas/booking-payload'
import type { StepProps } from './step-props'

export function StepWho({ answers, update, errors, headingId }: StepProps) {
  const text = useText('booking')
  return (
    <>
      <ChoiceGroup
        id="booking-asker"
        name="asker"
        type="radio"
        labelledBy={headingId}
        support={text.r('who.hint')}
        error={errors.asker ? text.r(errors.asker) : undefined}
        choices={askers.map((value) => ({ value, label: text.r(`who.${value}`) }))}
        selected={answers.asker ? [answers.asker] : []}
        onToggle={(value) => update({ asker: value as StepProps['answers']['asker'], relation: value === 'family' ? answers.relation : null })}
      />
      {answers.asker === 'family' ? (
        <ChoiceGroup
          id="booking-relation"
          name="relation"
          type="radio"
          legend={text.r('who.relationLegend')}
          support={text.r('who.relationHint')}
          error={errors.relation ? text.r(errors.relation) : undefined}
          choices={familyRelations.map((value) => ({ value, label: text.r(`who.relation.${value}`) }))}
          selected={answers.relation ? [answers.relation] : []}
          onToggle={(value) => update({ relation: value as StepProps['answers']['relation'] })}
        />
      ) : null}
    </>
  )
}
