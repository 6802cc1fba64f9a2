import { useId, useState } from 'react'
import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import { audiences, placeKinds, type Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { emptyFilters, hasFilters, type Filters } from './filter-resources'
import styles from './resource-map.module.css'

interface Props {
  filters: Filters
  municipalities: Array<Place['municipality']>
  /** Takes an update of the current filters, so quick changes in a row never start from stale ones. */
  onChange: (update: (current: Filters) => Filters) => void
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value)
}

function Check({ label, checked, onChange }: { label: React.ReactNode; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className={styles.check} data-checked={checked || undefined}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  )
}

export function FilterPanel({ filters, municipalities, onChange }: Props) {
  const text = useText('map')
  const headingId = useId()
  const flags = ['online', 'noBooking', 'free', 'soon'] as const
  // Open at first when the link chose areas; afterwards the reader opens and closes it (React never touches it again).
  const [areasOpenAtFirst] = useState(filters.municipalities.length > 0)
  return (
    <section aria-labelledby={headingId} className={styles.filters}>
      <h2 id={headingId} className={styles.filtersHeading}>
        {text.r('filters.heading')}
      </h2>
      <fieldset className={styles.group}>
        <legend>{text.r('filters.kind')}</legend>
        {placeKinds.map((kind) => (
          <Check key={kind} label={text.r(`kind.${kind}`)} checked={filters.kinds.includes(kind)} onChange={(on) => onChange((f) => ({ ...f, kinds: toggle(f.kinds, kind, on) }))} />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{text.r('filters.audience')}</legend>
        {audiences.map((who) => (
          <Check key={who} label={text.r(`audience.${who}`)} checked={filters.audiences.includes(who)} onChange={(on) => onChange((f) => ({ ...f, audiences: toggle(f.audiences, who, on) }))} />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{text.r('filters.conditions')}</legend>
        {flags.map((flag) => (
          <Check key={flag} label={text.r(`filters.${flag}`)} checked={filters[flag]} onChange={(on) => onChange((f) => ({ ...f, [flag]: on }))} />
        ))}
      </fieldset>
      <details className={styles.areas} open={areasOpenAtFirst || undefined}>
        <summary>{text.r('filters.areaSummary', { count: filters.municipalities.length })}</summary>
        <fieldset className={styles.group}>
          <legend className="visually-hidden">{text.r('filters.area')}</legend>
          {municipalities.map((m) => (
            <Check
              key={m.ja}
              label={<RubyText text={textOf(m, text.language)} />}
              checked={filters.municipalities.includes(m.ja)}
              onChange={(on) => onChange((f) => ({ ...f, municipalities: toggle(f.municipalities, m.ja, on) }))}
            />
          ))}
        </fieldset>
      </details>
      {hasFilters(filters) ? (
        <button type="button" className={styles.clear} onClick={() => onChange(() => emptyFilters)}>
          {text.r('filters.clear')}
        </button>
      ) : null}
    </section>
  )
}
