import staff from '../staff.module.css'
import { ChoiceGroup, FieldError } from './choice-group'
import type { ContactKind, FieldName, NewCaseAnswers } from './new-case-answers'
import { newCaseText as text } from './new-case-text'

const kinds = Object.keys(text.contactKinds) as ContactKind[]

function TextField({ id, label, hint, value, type, error, onChange }: { id: string; label: string; hint?: string; value: string; type: string; error: string | null; onChange: (v: string) => void }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className={staff.hint}>{hint}</p> : null}
      <input id={id} type={type} value={value} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      {error ? <FieldError id={`${id}-error`} text={error} /> : null}
    </>
  )
}

/** 窓口からの連絡先: none (the receipt is enough), e-mail, or a phone number with the times it is safe to call. */
export function ContactFields({ answers: a, set, error }: { answers: NewCaseAnswers; set: (patch: Partial<NewCaseAnswers>) => void; error: (f: FieldName) => string | null }) {
  return (
    <>
      <ChoiceGroup name="contact" legend={text.contactLegend} value={a.contactKind} choices={kinds.map((k) => ({ value: k, label: text.contactKinds[k] }))} onChange={(contactKind) => set({ contactKind })} />
      {a.contactKind === 'email' ? <TextField id="email" type="email" label={text.emailLabel} value={a.email} error={error('email')} onChange={(email) => set({ email })} /> : null}
      {a.contactKind === 'phone' ? (
        <>
          <TextField id="phone" type="tel" label={text.phoneLabel} hint={text.phoneHint} value={a.phone} error={error('phone')} onChange={(phone) => set({ phone })} />
          <TextField id="safeTimes" type="text" label={text.safeTimesLabel} value={a.safeTimes} error={error('safeTimes')} onChange={(safeTimes) => set({ safeTimes })} />
        </>
      ) : null}
    </>
  )
}
