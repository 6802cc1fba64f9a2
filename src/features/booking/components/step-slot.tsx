import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { ChoiceGroup } from '@/components/form/choice-group'
import { fetchSlots } from '@/lib/api'
import { formatDay, formatTime, groupByDay } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import type { Slot } from '@/shared/schemas/requests'
import styles from './booking.module.css'
import type { StepProps } from './step-props'

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; slots: Slot[] }

const LATER = 'later'
/** Days shown at first: 14 days of times are 70 radios, too long a page on a phone. */
const FIRST_DAYS = 3

export function StepSlot({ answers, update, errors, headingId, alternatives }: StepProps & { alternatives: Slot[] }) {
  const text = useText('booking')
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [allDays, setAllDays] = useState(false)
  const { windowId, mode } = answers

  useEffect(() => {
    if (!windowId || !mode || mode === 'letter') return
    let live = true
    setLoaded({ state: 'loading' })
    fetchSlots(windowId, mode).then(
      (slots) => live && setLoaded({ state: 'ready', slots }),
      () => live && setLoaded({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [windowId, mode])

  if (mode === 'letter') return <p>{text.r('slot.letterOnly')}</p>

  const takenIds = new Set(alternatives.map((s) => s.id))
  const slots = loaded.state === 'ready' ? loaded.slots.filter((s) => !takenIds.has(s.id)) : []
  const selected = answers.slot?.kind === 'slot' ? [answers.slot.slot.id] : answers.slot?.kind === 'later' ? [LATER] : []
  const choose = (all: Slot[]) => (id: string) => {
    const slot = all.find((s) => s.id === id)
    update({ slot: slot ? { kind: 'slot', slot } : { kind: 'later' } })
  }
  const timeChoice = (slot: Slot) => ({
    value: slot.id,
    label: <span className={styles.nowrap}>{text.r('slot.time', { start: formatTime(slot.start), end: formatTime(slot.end) })}</span>,
  })
  const error = errors.slot ? text.r(errors.slot) : undefined
  const days = groupByDay(slots)
  const chosenDay = days.findIndex((d) => d.slots.some((slot) => selected.includes(slot.id)))
  // Coming back to this step with a later day chosen shows every day, so the choice stays in view.
  const shownDays = allDays || chosenDay >= FIRST_DAYS ? days : days.slice(0, FIRST_DAYS)
  const showMore = () => {
    flushSync(() => setAllDays(true))
    // The button is gone: focus the first time of the first day that appeared (ChoiceGroup's input id).
    const first = days[FIRST_DAYS]
    if (first) document.getElementById(`booking-slot-${first.day}-${first.slots[0]!.id}`)?.focus()
  }

  return (
    <div aria-labelledby={headingId} role="group">
      <p className={styles.support}>{text.r('slot.hint')}</p>
      {alternatives.length > 0 ? (
        <div className={styles.notice} role="alert">
          <p>{text.r('slot.taken')}</p>
          <ChoiceGroup
            id="booking-alternatives"
            name="slot"
            type="radio"
            legend={text.r('slot.alternatives')}
            choices={alternatives.map((slot) => ({ ...timeChoice(slot), label: <>{formatDay(slot.start, text.language)} {timeChoice(slot).label}</> }))}
            selected={selected}
            onToggle={choose(alternatives)}
          />
        </div>
      ) : null}
      <ChoiceGroup
        id="booking-slot-later"
        name="slot"
        type="radio"
        error={error}
        labelledBy={headingId}
        choices={[{ value: LATER, label: text.r('slot.later'), hint: text.r('slot.laterHint') }]}
        selected={selected}
        onToggle={choose([])}
      />
      {loaded.state === 'loading' ? <p role="status">{text.r('slot.loading')}</p> : null}
      {loaded.state === 'failed' ? <p role="status">{text.r('slot.failed')}</p> : null}
      {loaded.state === 'ready' && slots.length === 0 ? <p role="status">{text.r('slot.none')}</p> : null}
      {shownDays.map(({ day, slots: daySlots }) => (
        <ChoiceGroup
          key={day}
          id={`booking-slot-${day}`}
          name="slot"
          type="radio"
          legend={formatDay(daySlots[0]!.start, text.language)}
          choices={daySlots.map(timeChoice)}
          selected={selected}
          onToggle={choose(slots)}
          compact
        />
      ))}
      {shownDays.length < days.length ? (
        <button type="button" className={`${styles.secondary} ${styles.moreDays}`} onClick={showMore}>
          {text.r('slot.moreDays', { count: days.length - shownDays.length })}
        </button>
      ) : null}
    </div>
  )
}
