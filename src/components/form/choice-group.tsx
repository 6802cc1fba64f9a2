import type { ReactNode } from 'react'
import styles from './form.module.css'

export interface Choice {
  value: string
  label: ReactNode
  hint?: ReactNode
}

interface Props {
  id: string
  name: string
  type: 'radio' | 'checkbox'
  /** The question; or pass `labelledBy` when a heading above already asks it. */
  legend?: ReactNode
  labelledBy?: string
  support?: ReactNode
  error?: ReactNode
  choices: readonly Choice[]
  /** Lays the options out in columns (short labels such as times). */
  compact?: boolean
  selected: readonly string[]
  onToggle: (value: string, checked: boolean) => void
}

/**
 * A fieldset of radios or checkboxes in the DADS pattern: the legend is the question, support and
 * error texts are read with the group (aria-describedby) and every input carries aria-invalid.
 */
export function ChoiceGroup({ id, name, type, legend, labelledBy, support, error, choices, selected, onToggle, compact }: Props) {
  const described = [support ? `${id}-support` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset id={id} className={`${styles.fieldset} ${error ? styles.invalid : ''}`} aria-describedby={described} aria-labelledby={labelledBy}>
      {legend ? <legend className={styles.legend}>{legend}</legend> : null}
      {support ? (
        <p id={`${id}-support`} className={styles.support}>
          {support}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={compact ? styles.optionsCompact : styles.options}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`
          return (
            <label key={choice.value} htmlFor={inputId} className={styles.option}>
              <input
                id={inputId}
                type={type}
                name={name}
                value={choice.value}
                checked={selected.includes(choice.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                onChange={(event) => onToggle(choice.value, event.currentTarget.checked)}
              />
              <span className={styles.optionText}>
                <span>{choice.label}</span>
                {choice.hint ? (
                  // Read as the description (aria-describedby), not a second time inside the name.
                  <span id={`${inputId}-hint`} className={styles.optionHint} aria-hidden="true">
                    {choice.hint}
                  </span>
                ) : null}
              </span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
