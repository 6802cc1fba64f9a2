import { useCallback, useEffect, useRef, useState } from 'react'
import { deployment } from '@/lib/deployment'
import { slotModes, type AvailabilityView, type SlotMode, type StaffSlot } from '@/shared/schemas/availability'
import { StaffShell } from '../staff-shell'
import { useStaffSession } from '../staff-session'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { availabilityApi } from './availability-api'
import { availabilityText as t } from './availability-text'
import own from './availability.module.css'
import { ModeForm } from './mode-form'
import { SlotList } from './slot-list'

/** /staff/availability/:windowId: each mode's availability (admins edit it) and the coming slots. */
export function AvailabilityPage({ windowId }: { windowId: string }) {
  const { me } = useStaffSession()
  const isAdmin = me?.windows.some((w) => w.windowId === windowId && w.role === 'admin') ?? false
  const windowName = deployment.windows.find((w) => w.id === windowId)?.name.ja ?? windowId
  const [view, setView] = useState<AvailabilityView | null>(null)
  const [slots, setSlots] = useState<StaffSlot[]>([])
  const [mode, setMode] = useState<SlotMode>('phone')
  const [formKey, setFormKey] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const messageRef = useRef<HTMLParagraphElement>(null)

  const load = useCallback(async () => {
    const [loaded, coming] = await Promise.all([availabilityApi.view(windowId), availabilityApi.slots(windowId)])
    setView(loaded)
    setSlots(coming.slots)
  }, [windowId])

  useEffect(() => {
    load().catch((caught: unknown) => setError(errorText(caught)))
  }, [load])

  const run = async (action: () => Promise<string>) => {
    setError(null)
    setMessage(null)
    try {
      const done = await action()
      await load()
      setMessage(done)
      requestAnimationFrame(() => messageRef.current?.focus())
    } catch (caught) {
      setError(errorText(caught))
    }
  }

  const current = view?.modes.find((m) => m.mode === mode)
  return (
    <StaffShell title={t.nav}>
      <h1>{t.heading(windowName)}</h1>
      <p>{t.lead}</p>
      {message ? (
        <p className={styles.notice} role="status" tabIndex={-1} ref={messageRef}>
          {message}
        </p>
      ) : null}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      {!view || !current ? (
        error ? null : <p role="status">{t.loading}</p>
      ) : (
        <>
          <fieldset className={own.modes}>
            <legend>{t.modeLegend}</legend>
            {slotModes.map((m) => (
              <label key={m}>
                <input type="radio" name="availability-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t.modes[m]}
              </label>
            ))}
          </fieldset>
          <section aria-labelledby="mode-heading">
            <h2 id="mode-heading">{t.modes[mode]}</h2>
            {isAdmin ? null : <p className={styles.notice}>{t.adminOnly}</p>}
            {current.saved ? null : <p className={styles.hint}>{t.defaults}</p>}
            <ModeForm
              key={`${mode}-${formKey}`}
              initial={current.settings}
              editable={isAdmin}
              onSave={(settings) =>
                run(async () => {
                  const saved = await availabilityApi.save(windowId, mode, settings)
                  setFormKey((k) => k + 1)
                  return t.saved(saved.added, saved.removed)
                })
              }
            />
          </section>
          <SlotList windowId={windowId} slots={slots} isAdmin={isAdmin} run={run} />
        </>
      )}
    </StaffShell>
  )
}
