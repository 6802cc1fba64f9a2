import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react'
import styles from './form.module.css'

interface FieldText {
  id: string
  label: ReactNode
  support?: ReactNode
  error?: ReactNode
  /** Shown under the control and read with it (e.g. a character counter). */
  after?: ReactNode
}

function describedBy(id: string, { support, error, after }: Omit<FieldText, 'id' | 'label'>): string | undefined {
  const ids = [support ? `${id}-support` : '', error ? `${id}-error` : '', after ? `${id}-after` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

function FieldParts({ id, support, error }: Pick<FieldText, 'id' | 'support' | 'error'>) {
  return (
    <>
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
    </>
  )
}

type InputProps = FieldText & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'placeholder'> & { placeholder?: never; ref?: Ref<HTMLInputElement> }

/** DADS-style text input: label, support text and error text, all wired with aria-describedby. */
export function TextField({ id, label, support, error, after, ...input }: InputProps) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <FieldParts id={id} support={support} error={error} />
      <input
        id={id}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { support, error, after })}
        {...input}
      />
      {after ? (
        <p id={`${id}-after`} className={styles.counter}>
          {after}
        </p>
      ) : null}
    </div>
  )
}

type TextAreaProps = FieldText & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'placeholder'> & { placeholder?: never }

export function TextArea({ id, label, support, error, after, ...textarea }: TextAreaProps) {
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <FieldParts id={id} support={support} error={error} />
      <textarea
        id={id}
        className={styles.textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { support, error, after })}
        {...textarea}
      />
      {after ? (
        <p id={`${id}-after`} className={styles.counter}>
          {after}
        </p>
      ) : null}
    </div>
  )
}
