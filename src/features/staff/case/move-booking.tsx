import { useState } from 'react'
import { caseSummarySchema, type CaseDetail } from '@/shared/schemas/staff'
import type { Slot } from '@/shared/schemas/requests'
import { newCaseText } from '../new-case/new-case-text'
import { SlotField } from '../new-case/slot-field'
import { call } from '../staff-api'
import styles from '../staff.module.css'
import { useAction } from './case-forms'
import { slotTimes, useOpenSlots } from './use-open-slots'

const text = newCaseText.move
const when = (slot: Slot) => newCaseText.slotOption(slotTimes(slot).day, slotTimes(slot).start, slotTimes(slot).end)
const refusals: Record<string, string> = { 'errors.slotTaken': text.taken, 'errors.caseNotOpen': text.notOpen, 'errors.validation': text.unknown }

/** 予約の時間を動かす: an open slot of the same window and mode; the server swaps both slots in one transaction. */
export function MoveBooking({ detail, onChanged }: { detail: CaseDetail; onChanged: () => Promise<void> }) {
  const { windowId, requestId, mode, slot } = detail
  const [choice, setChoice] = useState<Slot | null>(null)
  const { slots, refresh } = useOpenSlots(windowId, mode)
  const action = useAction(async () => {
    setChoice(null)
    refresh()
    await onChanged()
  })
  if (mode === 'letter' || detail.status === 'cancelled' || detail.status === 'closed') return null
  const empty = slots.state === 'ready' && slots.days.length === 0

  return (
    <section aria-labelledby="case-move-heading">
      <h2 id="case-move-heading">{slot ? text.heading : text.headingWaiting}</h2>
      <p>{slot ? text.current(when(slot)) : text.none}</p>
      {empty ? <p className={styles.notice}>{text.noSlots}</p> : (
        <form className={styles.form} onSubmit={(e) => void action.run(e, async (done) => {
          if (!choice) return action.fail(text.unknown)
          try {
            const moved = await call('POST', `/windows/${encodeURIComponent(windowId)}/cases/${encodeURIComponent(requestId)}/move`, caseSummarySchema, { slotId: choice.id })
            done(text.moved(moved.slot ? when(moved.slot) : when(choice)))
          } catch (caught) {
            const key = (caught as { key?: string }).key ?? ''
            if (refusals[key]) {
              refresh()
              return action.fail(refusals[key])
            }
            throw caught
          }
        })}>
          <SlotField id="case-move-slot" label={text.label} hint={text.hint} slots={slots} value={choice} placeholder={text.choose}
            onChange={(value) => setChoice(value === 'later' ? null : value)} />
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={action.busy || !choice}>{text.submit}</button>
          </div>
          {action.feedback}
        </form>
      )}
    </section>
  )
}
