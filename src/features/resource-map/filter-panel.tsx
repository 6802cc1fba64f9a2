import { memo, useId, useState, type ReactNode } from 'react'
import { RubyText } from '@/components/ruby-text'
import { useText } from '@/lib/use-text'
import { audiences, placeKinds, type Place } from '@/shared/schemas/places'
import { textOf } from './data-text'
import { emptyFilters, hasFilters, type Filters } from './filter-resources'
import styles from './resource-map.module.css'
import { useWords } from './use-words'

type Update = (update: (current: Filters) => Filters) => void

interface Props {
  filters: Filters
  municipalities: Array<Place['municipality']>
  onChange: Update
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value)
}

function Check({ label, checked, onChange }: { label: ReactNode; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className={styles.check} data-checked={checked || undefined}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  )
}

// Each group re-renders only when its own choices change (`onChange` is stable), so one click
// does not rebuild the labels of every other group.

const Kinds = memo(function Kinds({ chosen, onChange }: { chosen: Filters['kinds']; onChange: Update }) {
  const words = useWords('map', (text) => ({ legend: text.r('filters.kind'), kinds: placeKinds.map((kind) => text.r(`kind.${kind}`)) }))
  return (
    <fieldset className={styles.group}>
      <legend>{words.legend}</legend>
      {placeKinds.map((kind, i) => (
        <Check key={kind} label={words.kinds[i]} checked={chosen.includes(kind)} onChange={(on) => onChange((f) => ({ ...f, kinds: toggle(f.kinds, kind, on) }))} />
      ))}
    </fieldset>
  )
})

const Audiences = memo(function Audiences({ chosen, onChange }: { chosen: Filters['audiences']; onChange: Update }) {
  const words = useWords('map', (text) => ({ legend: text.r('filters.audience'), audiences: audiences.map((who) => text.r(`audience.${who}`)) }))
  return (
    <fieldset className={styles.group}>
      <legend>{words.legend}</legend>
      {audiences.map((who, i) => (
        <Check key={who} label={words.audiences[i]} checked={chosen.includes(who)} onChange={(on) => onChange((f) => ({ ...f, audiences: toggle(f.audiences, who, on) }))} />
      ))}
    </fieldset>
  )
})

const flags = ['online', 'noBooking', 'free', 'soon'] as const
type Flags = Pick<Filters, (typeof flags)[number]>

const Conditions = memo(function Conditions({ onChange, ...chosen }: Flags & { onChange: Update }) {
  const words = useWords('map', (text) => ({ legend: text.r('filters.conditions'), flags: flags.map((flag) => text.r(`filters.${flag}`)) }))
  return (
    <fieldset className={styles.group}>
      <legend>{words.legend}</legend>
      {flags.map((flag, i) => (
        <Check key={flag} label={words.flags[i]} checked={chosen[flag]} onChange={(on) => onChange((f) => ({ ...f, [flag]: on }))} />
      ))}
    </fieldset>
  )
})

const Areas = memo(function Areas({ chosen, municipalities, onChange }: { chosen: Filters['municipalities']; municipalities: Props['municipalities']; onChange: Update }) {
  const text = useText('map')
  // Open at first when the link chose areas; afterwards the reader opens and closes it (React never touches it again).
  const [openAtFirst] = useState(chosen.length > 0)
  return (
    <details className={styles.areas} open={openAtFirst || undefined}>
      <summary>{text.r('filters.areaSummary', { count: chosen.length })}</summary>
      <fieldset className={styles.group}>
        <legend className="visually-hidden">{text.r('filters.area')}</legend>
        {municipalities.map((m) => (
          <Check
            key={m.ja}
            label={<RubyText text={textOf(m, text.language)} />}
            checked={chosen.includes(m.ja)}
            onChange={(on) => onChange((f) => ({ ...f, municipalities: toggle(f.municipalities, m.ja, on) }))}
          />
        ))}
      </fieldset>
    </details>
  )
})

/** How many choices are on: each kind, audience and area counts once, and each condition. */
export function activeFilterCount(filters: Filters): number {
  return filters.kinds.length + filters.audiences.length + filters.municipalities.length + flags.filter((flag) => filters[flag]).length
}

/**
 * Folded at first, so a phone's first screen shows the results rather than every choice; the
 * button says how many choices are on and opens the choices in place, right below it.
 */
export function FilterPanel({ filters, municipalities, onChange }: Props) {
  const active = activeFilterCount(filters)
  const text = useText('map')
  const words = useWords('map', (t) => ({ heading: t.r('filters.heading'), clear: t.r('filters.clear') }))
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <section className={styles.filters}>
      <h2 className={styles.filtersHeading}>
        <button type="button" className={styles.filtersToggle} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {active > 0 ? text.r('filters.toggleActive', { count: active }) : words.heading}
        </button>
      </h2>
      <div id={panelId} hidden={!open}>
        <Kinds chosen={filters.kinds} onChange={onChange} />
        <Audiences chosen={filters.audiences} onChange={onChange} />
        <Conditions online={filters.online} noBooking={filters.noBooking} free={filters.free} soon={filters.soon} onChange={onChange} />
        <Areas chosen={filters.municipalities} municipalities={municipalities} onChange={onChange} />
        {hasFilters(filters) ? (
          <button type="button" className={styles.clear} onClick={() => onChange(() => emptyFilters)}>
            {words.clear}
          </button>
        ) : null}
      </div>
    </section>
  )
}
