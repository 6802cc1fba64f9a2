import { useEffect, useRef, useState } from 'react'
import { ChoiceGroup } from '@/components/form/choice-group'
import { type CaseField, caseFieldLabels, caseFields, defaultCaseFields, sensitiveCaseFields } from './case-fields'
import { reportsText as text } from './reports-text'
import staffStyles from '../staff.module.css'
import styles from './reports.module.css'

interface Props {
  onSave: (fields: CaseField[]) => void
  onCancel: () => void
}

/**
 * The plain warning before case data leaves the app as a file, with the columns to put in. Focus
 * starts on the heading so the warning is read first; Escape or やめる closes it.
 */
export function CaseExportDialog({ onSave, onCancel }: Props) {
  const [fields, setFields] = useState<CaseField[]>([...defaultCaseFields])
  const [error, setError] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const toggle = (value: string, checked: boolean) => {
    setError(false)
    setFields((current) => (checked ? [...current, value as CaseField] : current.filter((f) => f !== value)))
  }
  const save = () => {
    if (fields.length === 0) return setError(true)
    onSave(fields)
  }

  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="case-export-heading"
      aria-describedby="case-export-body"
      className={styles.dialog}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <h2 id="case-export-heading" ref={heading} tabIndex={-1} className={styles.dialogHeading}>
        {text.dialogHeading}
      </h2>
      <div id="case-export-body">
        {text.dialogBody.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <ChoiceGroup
        id="case-export-fields"
        name="case-export-fields"
        type="checkbox"
        legend={text.fieldsLegend}
        support={text.fieldsSupport}
        error={error ? text.noFields : undefined}
        compact
        choices={caseFields.map((field) => ({
          value: field,
          label: caseFieldLabels[field],
          hint: sensitiveCaseFields.includes(field) ? text.sensitiveHint : undefined,
        }))}
        selected={fields}
        onToggle={toggle}
      />
      <div className={`${staffStyles.actions} ${styles.actions}`}>
        <button type="button" className={staffStyles.primary} onClick={save}>
          {text.confirm}
        </button>
        <button type="button" className={staffStyles.secondary} onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </div>
  )
}
