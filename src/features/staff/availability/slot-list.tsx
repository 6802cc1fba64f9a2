import { useId, useState } from 'react'
import { formatDay, formatTime, tokyoDateKey } from '@/lib/slot-format'
import { slotModes, type SlotCancelReason, type SlotMode, type StaffSlot } from '@/shared/schemas/availability'
import styles from '../staff.module.css'
import { availabilityApi } from './availability-api'
import { availabilityText as t } from './availability-text'
import own from './availability.module.css'
import { burstBookings } from './suspicious'

const when = (slot: StaffSlot) => `${formatDay(slot.start, 'ja')} ${formatTime(slot.start)}`
const madeAt = (iso: string) => `${formatDay(iso, 'ja')} ${formatTime(iso)}`

/**
 * The window's coming slots by day: cancel one or a whole day (a booking in it goes back to 連絡待ち
 * with the reason), and for administrators, free the slots of suspicious bookings in one step.
 */
export function SlotList({ windowId, slots, isAdmin, run }: { windowId: string; slots: StaffSlot[]; isAdmin: boolean; run: (action: () => Promise<string>) => Promise<void> }) {
  const id = useId()
  const [reason, setReason] = useState<Exclude<SlotCancelReason, 'released'>>('staffUnavailable')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const bursts = burstBookings(slots)
  const days = [...new Set(slots.map((s) => tokyoDateKey(s.start)))]

  const cancelDay = async (day: string, daySlots: StaffSlot[]) => {
    if (!window.confirm(t.confirmDay(formatDay(daySlots[0]!.start, 'ja'), t.reasons[reason]))) return
    const modes = slotModes.filter((m) => daySlots.some((s) => s.mode === m))
    await run(async () => {
      const result = await availabilityApi.cancel(windowId, { kind: 'day', date: day, modes, reason })
      return t.cancelled(result.cancelledSlots, result.affectedBookings)
    })
  }
  const cancelSlot = async (slot: StaffSlot) => {
    if (!window.confirm(t.confirmSlot(when(slot)))) return
    await run(async () => {
      const result = await availabilityApi.cancel(windowId, { kind: 'slot', slotId: slot.id, reason })
      return t.cancelled(result.cancelledSlots, result.affectedBookings)
    })
  }
  const release = async () => {
    if (selected.size === 0 || !window.confirm(t.confirmRelease(selected.size))) return
    await run(async () => {
      const result = await availabilityApi.release(windowId, [...selected])
      setSelected(new Set())
      return t.released(result.released)
    })
  }
  const toggle = (requestId: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(requestId)
      else next.delete(requestId)
      return next
    })

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.slotsHeading}</h2>
      <p>{t.slotsLead}</p>
      <fieldset className={own.modes}>
        <legend>{t.reasonLegend}</legend>
        {(['staffUnavailable', 'closure'] as const).map((r) => (
          <label key={r}>
            <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />
            {t.reasons[r]}
          </label>
        ))}
      </fieldset>
      {isAdmin ? (
        <div className={styles.notice}>
          <h3>{t.releaseHeading}</h3>
          <p>{t.releaseHint}</p>
          <div className={styles.actions}>
            <button type="button" className={styles.secondary} disabled={bursts.size === 0} onClick={() => setSelected(new Set(bursts))}>
              {t.selectBursts}
            </button>
            <button type="button" className={styles.danger} disabled={selected.size === 0} onClick={() => void release()}>
              {t.release(selected.size)}
            </button>
          </div>
        </div>
      ) : null}
      {slots.length === 0 ? <p>{t.noSlots}</p> : null}
      {days.map((day) => {
        const daySlots = slots.filter((s) => tokyoDateKey(s.start) === day)
        const label = formatDay(daySlots[0]!.start, 'ja')
        return (
          <details key={day} className={own.dayFold}>
            <summary id={`${id}-${day}`} className={own.day}>
              {t.daySummary(label, daySlots.length, daySlots.filter((s) => s.booking).length)}
            </summary>
            <button type="button" className={styles.danger} onClick={() => void cancelDay(day, daySlots)}>
              {t.cancelDay(label)}
            </button>
            <table className={own.slots}>
              <thead>
                <tr>
                  <th scope="col">{t.columns.time}</th>
                  <th scope="col">{t.columns.mode}</th>
                  <th scope="col">{t.columns.booking}</th>
                  <th scope="col">{t.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {daySlots.map((slot) => (
                  <tr key={slot.id} data-slot-id={slot.id}>
                    <td>{t.time(formatTime(slot.start), formatTime(slot.end))}</td>
                    <td>{t.modes[slot.mode as SlotMode]}</td>
                    <td>
                      {slot.booking ? (
                        <>
                          {isAdmin ? (
                            <input type="checkbox" aria-label={t.select(when(slot))} checked={selected.has(slot.booking.requestId)} onChange={(e) => toggle(slot.booking!.requestId, e.target.checked)} />
                          ) : null}{' '}
                          {t.booked(madeAt(slot.booking.createdAt))}
                          {bursts.has(slot.booking.requestId) ? <span className={own.burst}>{t.burst}</span> : null}
                        </>
                      ) : (
                        t.open
                      )}
                    </td>
                    <td>
                      <button type="button" className={styles.secondary} onClick={() => void cancelSlot(slot)}>
                        {t.cancelSlot(when(slot))}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )
      })}
    </section>
  )
}
