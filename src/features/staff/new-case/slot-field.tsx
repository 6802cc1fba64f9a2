import type { Slot } from '@/shared/schemas/requests'
import { slotTimes, type OpenSlots } from '../case/use-open-slots'
import staff from '../staff.module.css'
import { newCaseText as text } from './new-case-text'

const LATER = 'later'

interface Props {
  id: string
  label: string
  hint: string
  slots: OpenSlots
  value: Slot | 'later' | null
  onChange: (value: Slot | 'later' | null) => void
  /** Offer 「時間を決めない」 (a new case) or not (moving a booking). */
  later?: string
  error?: string | null
  errorId?: string
  placeholder: string
}

/** A select of open slots, one optgroup per Tokyo day; the label reads 「12月7日（月） 09:00〜09:45」. */
export function SlotField({ id, label, hint, slots, value, onChange, later, error, errorId, placeholder }: Props) {
  const byId = new Map(slots.state === 'ready' ? slots.days.flatMap((d) => d.slots.map((s) => [s.id, s] as const)) : [])
  const selected = value === 'later' ? LATER : (value?.id ?? '')
  const describedBy = [`${id}-hint`, error && errorId ? errorId : null].filter(Boolean).join(' ')
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className={staff.hint}>
        {slots.state === 'loading' ? text.slotLoading : slots.state === 'failed' ? text.slotFailed : hint}
      </p>
      <select
        id={id}
        value={selected}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value === LATER ? 'later' : (byId.get(e.target.value) ?? null))}
      >
        <option value="">{placeholder}</option>
        {later ? <option value={LATER}>{later}</option> : null}
        {slots.state === 'ready'
          ? slots.days.map((d) => (
              <optgroup key={d.day} label={d.label}>
                {d.slots.map((s) => {
                  const t = slotTimes(s)
                  return (
                    <option key={s.id} value={s.id}>
                      {text.slotOption(t.day, t.start, t.end)}
                    </option>
                  )
                })}
              </optgroup>
            ))
          : null}
      </select>
    </>
  )
}
