import { RubyText } from '@/components/ruby-text'
import { ChoiceGroup } from '@/components/form/choice-group'
import { deployment, localized } from '@/lib/deployment'
import { formatDay, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import type { Slot } from '@/shared/schemas/requests'
import { offeredModes, useWindowTimes, type WindowTimes } from '../use-window-times'
import { NoTimeOffer } from './no-time-offer'
import type { StepProps } from './step-props'

interface Props extends StepProps {
  windowReady: (id: string) => boolean
  onWait: () => void
}

export function StepWindow({ answers, update, errors, headingId, windowReady, onWait }: Props) {
  const text = useText('booking')
  const times = useWindowTimes()
  const mode = answers.mode
  const when = (slot: Slot) => text.raw('window.when', { day: formatDay(slot.start, text.language), time: formatTime(slot.start) })

  const timeLine = (times: WindowTimes | undefined) => {
    if (!mode || mode === 'letter' || !times) return null
    if (times.state === 'loading') return text.r('window.checking')
    if (times.state === 'failed') return text.r('window.checkFailed')
    const next = times.next[mode]
    const modeName = text.raw(`mode.${mode}`)
    return next ? text.r('window.nextTime', { mode: modeName, when: when(next) }) : <strong>{text.r('window.noTime', { mode: modeName })}</strong>
  }

  return (
    <>
      <ChoiceGroup
        id="booking-window"
        name="windowId"
        type="radio"
        labelledBy={headingId}
        support={text.r('window.hint')}
        error={errors.windowId ? text.r(errors.windowId) : undefined}
        choices={deployment.windows.map((w) => {
          const line = timeLine(times[w.id])
          return {
            value: w.id,
            label: <RubyText text={localized(w.name, text.language)} />,
            hint: (
              <>
                {w.phone ? (
                  text.r('window.withPhone', { municipality: localized(w.municipality, text.language), phone: w.phone })
                ) : (
                  <RubyText text={localized(w.municipality, text.language)} />
                )}
                {windowReady(w.id) ? (
                  <>
                    <br />
                    {text.r('window.modes', { modes: offeredModes(w.id, times[w.id]).map((m) => text.raw(`mode.${m}`)).join(text.raw('listSeparator')) })}
                    {line ? (
                      <>
                        <br />
                        {line}
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    <br />
                    {text.r('window.notReady')}
                  </>
                )}
              </>
            ),
          }
        })}
        selected={answers.windowId ? [answers.windowId] : []}
        onToggle={(value) => update({ windowId: value, slot: value === answers.windowId ? answers.slot : null })}
      />
      <div aria-live="polite">
        {answers.windowId && mode && mode !== 'letter' && windowReady(answers.windowId) ? (
          <NoTimeOffer windowId={answers.windowId} mode={mode} times={times} windowReady={windowReady} when={when} update={update} onWait={onWait} />
        ) : null}
      </div>
    </>
  )
}
