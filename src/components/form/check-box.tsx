import type { ReactNode } from 'react'
import styles from './form.module.css'

interface Props {
  id: string
  label: ReactNode
  support?: ReactNode
  error?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
}

/** A single checkbox (consent, "I noted it down") with its support and error texts wired. */
export function CheckBox({ id, label, support, error, checked, onChange }: Props) {
  const described = [support ? `${id}-support` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`${styles.field} ${error ? styles.invalid : ''}`}>
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      ) : null}
      <label htmlFor={id} className={styles.option}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <span className={styles.optionText}>
          <span>{label}</span>
          {support ? (
            <span id={`${id}-support`} className={styles.optionHint} aria-hidden="true">
              {support}
            </span>
          ) : null}
        </span>
      </label>
    </div>
  )
}
