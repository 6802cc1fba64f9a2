import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/form/choice-group'
import { fetchSlots } from '@/lib/api'
import type { OutboxEntry } from '@/lib/db'
import { deliver, rebook, removeEntry, type DeliveryOutcome } from '@/lib/outbox-delivery'
import { formatDay, formatTime } from '@/lib/slot-format'
import { useText } from '@/lib/use-text'
import type { Slot } from '@/shared/schemas/requests'
import styles from './status.module.css'

const LATER = 'later'

/** The request is still on this device: not sent yet, or bounced because its slot was taken meanwhile. */
export function OutboxNotice({ entry, onDelivered }: { entry: OutboxEntry; onDelivered: () => void }) {
  const text = useText('status')
  const [slots, setSlots] = useState<Slot[]>(entry.alternatives)
  const [choice, setChoice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [discarded, setDiscarded] = useState(false)
  const mode = entry.body?.mode

  useEffect(() => {
    if (entry.state !== 'slotTaken' || !mode) return
    fetchSlots(entry.windowId, mode).then(
      (fresh) => setSlots(fresh.slice(0, 12)),
      () => undefined,
    )
  }, [entry.state, entry.windowId, mode])

  async function send(action: () => Promise<DeliveryOutcome>) {
    setBusy(true)
    try {
      const outcome = await action()
      if (outcome.kind === 'delivered') onDelivered()
      if (outcome.kind === 'slotTaken') setSlots(outcome.alternatives)
    } finally {
      setBusy(false)
    }
  }

  if (entry.state === 'rejected') {
    return (
      <section className={styles.notice} aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">{text.r('outbox.rejectedTitle')}</h2>
        <p>{text.r('outbox.rejected')}</p>
        {discarded ? (
          <p role="status">{text.r('outbox.discarded')}</p>
        ) : (
          <button type="button" className={styles.secondary} onClick={() => void removeEntry(entry.id).then(() => setDiscarded(true))}>
            {text.r('outbox.discard')}
          </button>
        )}
      </section>
    )
  }
  if (entry.state === 'pending') {
    return (
      <section className={styles.notice} aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">{text.r('outbox.pendingTitle')}</h2>
        <p>{text.r('outbox.pending')}</p>
        <button type="button" className={styles.secondary} disabled={busy} onClick={() => void send(() => deliver(entry.id))}>
          {text.r('outbox.sendNow')}
        </button>
      </section>
    )
  }
  return (
    <section className={styles.notice} aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{text.r('outbox.slotTakenTitle')}</h2>
      <p>{text.r('outbox.slotTaken')}</p>
      {slots.length === 0 ? <p>{text.r('outbox.noSlots')}</p> : null}
      <ChoiceGroup
        id="status-rebook"
        name="rebook"
        type="radio"
        legend={text.r('outbox.chooseSlot')}
        choices={[
          ...slots.map((slot) => ({ value: slot.id, label: text.s('view.slotWhen', { day: formatDay(slot.start, text.language), start: formatTime(slot.start), end: formatTime(slot.end) }) })),
          { value: LATER, label: text.r('outbox.later') },
        ]}
        selected={choice ? [choice] : []}
        onToggle={setChoice}
      />
      <button
        type="button"
        className={styles.primary}
        disabled={busy || !choice}
        onClick={() => void send(() => rebook(entry.id, choice === LATER ? null : choice))}
      >
        {text.r('outbox.rebook')}
      </button>
    </section>
  )
}
