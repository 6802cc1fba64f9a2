import { RubyText } from '@/components/ruby-text'
import { ChoiceGroup } from '@/components/form/choice-group'
import { deployment, localized } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import type { StepProps } from './step-props'

export function StepWindow({ answers, update, errors, headingId, windowReady }: StepProps & { windowReady: (id: string) => boolean }) {
  const text = useText('booking')
  return (
    <ChoiceGroup
      id="booking-window"
      name="windowId"
      type="radio"
      labelledBy={headingId}
      support={text.r('window.hint')}
      error={errors.windowId ? text.r(errors.windowId) : undefined}
      choices={deployment.windows.map((w) => ({
        value: w.id,
        label: <RubyText text={localized(w.name, text.language)} />,
        hint: (
          <>
            {w.phone ? (
              <RubyText text={text.s('window.withPhone', { municipality: localized(w.municipality, text.language), phone: w.phone })} />
            ) : (
              <RubyText text={localized(w.municipality, text.language)} />
            )}
            {windowReady(w.id) ? null : (
              <>
                <br />
                {text.r('window.notReady')}
              </>
            )}
          </>
        ),
      }))}
      selected={answers.windowId ? [answers.windowId] : []}
      onToggle={(value) => update({ windowId: value, slot: value === answers.windowId ? answers.slot : null })}
    />
  )
}
