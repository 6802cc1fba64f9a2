import { useRef, useState, type FormEvent } from 'react'
import { MESSAGE_MAX } from '@/shared/limits'
import { ageGroups, askers, concernIds, familyRelations } from '@/shared/schemas/booking-payload'
import type { ConsultationMode } from '@/shared/schemas/common'
import { concernLabel } from '../inbox/case-labels'
import { useOpenSlots } from '../case/use-open-slots'
import staff from '../staff.module.css'
import { errorText, st } from '../staff-text'
import { ChoiceGroup, FieldError } from './choice-group'
import { createCase, type CreatedCase } from './create-case'
import { emptyNewCase, modeForOrigin, validateNewCase, type FieldName, type NewCaseAnswers, type StaffOrigin } from './new-case-answers'
import { ContactFields } from './contact-fields'
import { newCaseText as text } from './new-case-text'
import styles from './new-case.module.css'
import { SlotField } from './slot-field'

const modes: ConsultationMode[] = ['phone', 'visit', 'video', 'letter']
const origins = Object.keys(text.origins) as StaffOrigin[]

/** The public form's fields, filled in by staff for a contact that did not start online. */
export function NewCaseForm({ windowId, onCreated }: { windowId: string; onCreated: (created: CreatedCase, answers: NewCaseAnswers) => void }) {
  const [a, setA] = useState<NewCaseAnswers>(emptyNewCase)
  const [wrong, setWrong] = useState<FieldName[]>([])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const { slots, refresh } = useOpenSlots(windowId, a.mode)
  const set = (patch: Partial<NewCaseAnswers>) => setA((old) => ({ ...old, ...patch }))
  const err = (field: FieldName) => (wrong.includes(field) ? text.errors[field] : null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    const problems = validateNewCase(a)
    setWrong(problems)
    if (problems.length > 0) {
      requestAnimationFrame(() => summary.current?.focus())
      return
    }
    setBusy(true)
    try {
      onCreated(await createCase(windowId, a), a)
    } catch (caught) {
      if ((caught as { key?: string }).key === 'errors.slotTaken') {
        set({ slot: null })
        refresh()
        setFailure(text.errors.slotTaken)
      } else setFailure(errorText(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className={staff.form} noValidate onSubmit={(e) => void submit(e)}>
      {wrong.length > 0 ? (
        <div ref={summary} tabIndex={-1} className={styles.summary} role="alert" aria-labelledby="new-case-summary">
          <h2 id="new-case-summary">{text.errorSummary}</h2>
          <ul>
            {wrong.map((f) => (
              <li key={f}>
                <a href={`#${f === 'nickname' || f === 'message' ? `new-case-${f}` : f}`}>{text.errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ChoiceGroup name="origin" legend={text.originLegend} value={a.origin} error={err('origin')}
        choices={origins.map((o) => ({ value: o, label: text.origins[o] }))}
        onChange={(origin) => set({ origin, ...(a.mode ? {} : { mode: modeForOrigin[origin], slot: null }) })} />
      <ChoiceGroup name="asker" legend={text.askerLegend} value={a.asker} error={err('asker')}
        choices={askers.map((v) => ({ value: v, label: st(`askers.${v}`) }))} onChange={(asker) => set({ asker })} />
      {a.asker === 'family' ? (
        <ChoiceGroup name="relation" legend={text.relationLegend} value={a.relation} error={err('relation')}
          choices={familyRelations.map((v) => ({ value: v, label: st(`relations.${v}`) }))} onChange={(relation) => set({ relation })} />
      ) : null}
      <label htmlFor="new-case-nickname">{text.nicknameLabel}</label>
      <p id="new-case-nickname-hint" className={staff.hint}>{text.nicknameHint}</p>
      <input id="new-case-nickname" value={a.nickname} autoComplete="off" aria-invalid={err('nickname') ? true : undefined}
        aria-describedby={`new-case-nickname-hint${err('nickname') ? ' new-case-nickname-error' : ''}`} onChange={(e) => set({ nickname: e.target.value })} />
      {err('nickname') ? <FieldError id="new-case-nickname-error" text={text.errors.nickname} /> : null}
      <label htmlFor="new-case-age">{text.ageLabel}</label>
      <select id="new-case-age" value={a.ageGroup ?? ''} onChange={(e) => set({ ageGroup: (e.target.value || null) as NewCaseAnswers['ageGroup'] })}>
        <option value="">{text.ageNone}</option>
        {ageGroups.map((g) => <option key={g} value={g}>{st(`ages.${g}`)}</option>)}
      </select>
      <ChoiceGroup name="mode" legend={text.modeLegend} value={a.mode} error={err('mode')}
        choices={modes.map((m) => ({ value: m, label: st(`modes.${m}`) }))} onChange={(mode) => set({ mode, slot: null })} />
      {a.mode === 'letter' ? <p className={staff.hint}>{text.slotLetter}</p> : a.mode ? (
        <>
          <SlotField id="slot" label={text.slotLabel} hint={text.slotHint} slots={slots} value={a.slot} onChange={(slot) => set({ slot })}
            later={text.slotLater} placeholder={text.move.choose} error={err('slot')} errorId="slot-error" />
          {err('slot') ? <FieldError id="slot-error" text={text.errors.slot} /> : null}
        </>
      ) : null}
      <fieldset>
        <legend>{text.concernsLegend}</legend>
        {concernIds.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={a.concerns.includes(c)}
              onChange={(e) => set({ concerns: e.target.checked ? [...a.concerns, c] : a.concerns.filter((x) => x !== c) })} /> {concernLabel(c)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="new-case-main">{text.mainLabel}</label>
      <select id="new-case-main" value={a.mainConcern ?? ''} onChange={(e) => set({ mainConcern: (e.target.value || null) as NewCaseAnswers['mainConcern'] })}>
        <option value="">{text.mainNone}</option>
        {a.concerns.map((c) => <option key={c} value={c}>{concernLabel(c)}</option>)}
      </select>
      <label htmlFor="new-case-message">{text.messageLabel}</label>
      <p id="new-case-message-hint" className={staff.hint}>{text.messageHint}</p>
      <textarea id="new-case-message" rows={6} maxLength={MESSAGE_MAX} value={a.message} aria-describedby="new-case-message-hint" onChange={(e) => set({ message: e.target.value })} />
      <ContactFields answers={a} set={set} error={(f) => err(f)} />
      <label className={staff.hint}>
        <input type="checkbox" id="consent" checked={a.consent} aria-invalid={err('consent') ? true : undefined}
          aria-describedby={err('consent') ? 'consent-error' : undefined} onChange={(e) => set({ consent: e.target.checked })} /> {text.consent}
      </label>
      {err('consent') ? <FieldError id="consent-error" text={text.errors.consent} /> : null}
      <div className={staff.actions}>
        <button type="submit" className={staff.primary} disabled={busy}>{busy ? text.busy : text.submit}</button>
      </div>
      {failure ? <p className={staff.error} role="alert">{failure}</p> : null}
    </form>
  )
}
