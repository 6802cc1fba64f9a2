import { useId, useState } from 'react'
import { modeAvailabilitySchema, type ModeAvailability, type SpecialDay, type WeeklyRule } from '@/shared/schemas/availability'
import type { Weekday } from '@/shared/schemas/deployment'
import styles from '../staff.module.css'
import own from './availability.module.css'
import { availabilityText as t } from './availability-text'

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const NOTICE_CHOICES = [0, 1, 2, 3, 4, 6, 12, 24, 48, 72]

type Hours = Pick<WeeklyRule, 'from' | 'to' | 'minutes' | 'buffer'>

function HoursFields({ value, onChange, idPrefix }: { value: Hours; onChange: (next: Hours) => void; idPrefix: string }) {
  const number = (raw: string) => (raw === '' ? Number.NaN : Number(raw))
  return (
    <>
      <label htmlFor={`${idPrefix}-from`}>{t.from}</label>
      <input id={`${idPrefix}-from`} type="time" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      <label htmlFor={`${idPrefix}-to`}>{t.to}</label>
      <input id={`${idPrefix}-to`} type="time" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      <label htmlFor={`${idPrefix}-minutes`}>{t.minutes}</label>
      <input id={`${idPrefix}-minutes`} type="number" min={10} max={240} step={5} value={Number.isNaN(value.minutes) ? '' : value.minutes} onChange={(e) => onChange({ ...value, minutes: number(e.target.value) })} />
      <label htmlFor={`${idPrefix}-buffer`}>{t.buffer}</label>
      <input id={`${idPrefix}-buffer`} type="number" min={0} max={120} step={5} value={Number.isNaN(value.buffer) ? '' : value.buffer} onChange={(e) => onChange({ ...value, buffer: number(e.target.value) })} />
    </>
  )
}

/** One mode's weekly rules, closed and special days, notice and horizon; saved as a whole. */
export function ModeForm({ initial, editable, onSave }: { initial: ModeAvailability; editable: boolean; onSave: (settings: ModeAvailability) => Promise<void> }) {
  const id = useId()
  const [settings, setSettings] = useState(initial)
  const [closedDate, setClosedDate] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<ModeAvailability>) => setSettings((s) => ({ ...s, ...patch }))
  const setRule = (i: number, rule: WeeklyRule) => set({ rules: settings.rules.map((r, j) => (j === i ? rule : r)) })
  const setSpecial = (i: number, day: SpecialDay) => set({ specialDays: settings.specialDays.map((d, j) => (j === i ? day : d)) })

  const submit = async () => {
    const parsed = modeAvailabilitySchema.safeParse(settings)
    setInvalid(!parsed.success)
    if (!parsed.success) return
    setSaving(true)
    try {
      await onSave(parsed.data)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className={`${styles.form} ${own.editor}`}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <fieldset disabled={!editable || saving} className={own.outer}>
        <h3>{t.rulesHeading}</h3>
        {settings.rules.length === 0 ? <p>{t.rulesEmpty}</p> : null}
        {settings.rules.map((rule, i) => (
          <fieldset key={i}>
            <legend>{t.rule(i + 1)}</legend>
            <fieldset>
              <legend>{t.days}</legend>
              {WEEKDAYS.map((day) => (
                <label key={day}>
                  <input
                    type="checkbox"
                    checked={rule.days.includes(day)}
                    onChange={(e) => setRule(i, { ...rule, days: e.target.checked ? WEEKDAYS.filter((d) => d === day || rule.days.includes(d)) : rule.days.filter((d) => d !== day) })}
                  />
                  {t.weekdays[day]}
                </label>
              ))}
            </fieldset>
            <HoursFields idPrefix={`${id}-rule-${i}`} value={rule} onChange={(hours) => setRule(i, { ...rule, ...hours })} />
            <button type="button" className={styles.secondary} onClick={() => set({ rules: settings.rules.filter((_, j) => j !== i) })}>
              {t.removeRule(i + 1)}
            </button>
          </fieldset>
        ))}
        <button type="button" className={styles.secondary} onClick={() => set({ rules: [...settings.rules, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00', minutes: 50, buffer: 10 }] })}>
          {t.addRule}
        </button>

        <h3>{t.closedHeading}</h3>
        <p className={styles.hint}>{t.closedHint}</p>
        <ul>
          {settings.closedDates.map((date) => (
            <li key={date}>
              {date}{' '}
              <button type="button" className={styles.secondary} onClick={() => set({ closedDates: settings.closedDates.filter((d) => d !== date) })}>
                {t.removeClosed(date)}
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor={`${id}-closed`}>{t.closedDate}</label>
        <input id={`${id}-closed`} type="date" value={closedDate} onChange={(e) => setClosedDate(e.target.value)} />
        <button
          type="button"
          className={styles.secondary}
          onClick={() => {
            if (closedDate && !settings.closedDates.includes(closedDate)) set({ closedDates: [...settings.closedDates, closedDate].sort() })
            setClosedDate('')
          }}
        >
          {t.addClosed}
        </button>

        <h3>{t.specialHeading}</h3>
        <p className={styles.hint}>{t.specialHint}</p>
        {settings.specialDays.map((day, i) => (
          <fieldset key={i}>
            <legend>{t.special(i + 1)}</legend>
            <label htmlFor={`${id}-special-${i}-date`}>{t.specialDate}</label>
            <input id={`${id}-special-${i}-date`} type="date" value={day.date} onChange={(e) => setSpecial(i, { ...day, date: e.target.value })} />
            <HoursFields idPrefix={`${id}-special-${i}`} value={day} onChange={(hours) => setSpecial(i, { ...day, ...hours })} />
            <button type="button" className={styles.secondary} onClick={() => set({ specialDays: settings.specialDays.filter((_, j) => j !== i) })}>
              {t.removeSpecial(i + 1)}
            </button>
          </fieldset>
        ))}
        <button type="button" className={styles.secondary} onClick={() => set({ specialDays: [...settings.specialDays, { date: '', from: '13:00', to: '16:00', minutes: 50, buffer: 10 }] })}>
          {t.addSpecial}
        </button>

        <h3>{t.noticeLabel}</h3>
        <label htmlFor={`${id}-notice`}>{t.noticeLabel}</label>
        <p className={styles.hint} id={`${id}-notice-hint`}>{t.noticeHint}</p>
        <select id={`${id}-notice`} aria-describedby={`${id}-notice-hint`} value={settings.noticeHours} onChange={(e) => set({ noticeHours: Number(e.target.value) })}>
          {NOTICE_CHOICES.map((hours) => (
            <option key={hours} value={hours}>
              {t.notice(hours)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-horizon`}>{t.horizonLabel}</label>
        <p className={styles.hint} id={`${id}-horizon-hint`}>{t.horizonHint}</p>
        <input id={`${id}-horizon`} aria-describedby={`${id}-horizon-hint`} type="number" min={1} max={14} value={Number.isNaN(settings.horizonDays) ? '' : settings.horizonDays} onChange={(e) => set({ horizonDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />

        {invalid ? (
          <p className={styles.error} role="alert">
            {t.invalid}
          </p>
        ) : null}
        <div className={styles.actions}>
          <button type="submit" className={styles.primary}>
            {saving ? t.saving : t.save}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
