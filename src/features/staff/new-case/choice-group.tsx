import type { ReactNode } from 'react'
import styles from './new-case.module.css'

interface Props<V extends string> {
  name: string
  legend: string
  choices: ReadonlyArray<{ value: V; label: string }>
  value: V | null
  onChange: (value: V) => void
  error?: string | null
  children?: ReactNode
}

/** A radio group with its legend and its error wired by aria-describedby (DADS field pattern). */
export function ChoiceGroup<V extends string>({ name, legend, choices, value, onChange, error, children }: Props<V>) {
  const errorId = `${name}-error`
  return (
    <fieldset id={name} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value}>
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} /> {c.label}
        </label>
      ))}
      {children}
      {error ? <FieldError id={errorId} text={error} /> : null}
    </fieldset>
  )
}

export function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className={styles.fieldError}>
      {text}
    </p>
  )
}
