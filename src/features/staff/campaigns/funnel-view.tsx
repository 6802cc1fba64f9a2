import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { addDays, tokyoClock } from '@/shared/hours/tokyo-time'
import type { CampaignView } from '@/shared/schemas/campaigns'
import { toCsv } from '../reports/csv'
import { downloadCsv } from '../reports/download'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { campaignsApi, type FunnelWeek } from './campaigns-api'
import { campaignsText } from './campaigns-text'
import local from './campaigns.module.css'

const text = campaignsText.funnel
const steps = ['scan', 'formOpen', 'submitted'] as const
/** Twelve weeks: a flyer round in a 区報 lasts about a season. */
const DEFAULT_DAYS = 84

/**
 * Bars per week, one colour per step, drawn as plain SVG (no chart library). The table below holds
 * the same numbers for screen readers and for reading exact figures; the chart is a picture of it.
 */
export function FunnelChart({ label, weeks }: { label: string; weeks: readonly FunnelWeek[] }) {
  const max = Math.max(1, ...weeks.flatMap((w) => steps.map((s) => w[s])))
  const bar = 14
  const gap = 18
  const groupWidth = bar * steps.length + gap
  const height = 160
  const width = Math.max(240, weeks.length * groupWidth + 40)
  return (
    <figure className={local.chart}>
      <svg viewBox={`0 0 ${width} ${height + 40}`} width="100%" style={{ maxWidth: `${width}px` }} role="img" aria-label={text.chartTitle(label)}>
        <line x1={30} y1={height} x2={width} y2={height} stroke="#333" />
        <text x={26} y={12} textAnchor="end" fontSize="12">{max}</text>
        <text x={26} y={height} textAnchor="end" fontSize="12">0</text>
        {weeks.map((w, i) => (
          <g key={w.week} transform={`translate(${36 + i * groupWidth},0)`}>
            {steps.map((s, j) => {
              const h = (w[s] / max) * (height - 16)
              return (
                <rect key={s} className={local[`bar-${s}`]} x={j * bar} y={height - h} width={bar - 2} height={h}>
                  <title>{`${text.weekOf(w.week)} ${text[s]}: ${w[s]}`}</title>
                </rect>
              )
            })}
            <text x={(bar * steps.length) / 2} y={height + 16} textAnchor="middle" fontSize="11">{w.week.slice(5)}</text>
          </g>
        ))}
      </svg>
      <figcaption className={local.legend}>
        {steps.map((s) => (
          <span key={s}>
            <span className={`${local.swatch} ${local[`bar-${s}`]}`} aria-hidden="true" /> {text[s]}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

function FunnelTable({ label, weeks }: { label: string; weeks: readonly FunnelWeek[] }) {
  const total = (s: (typeof steps)[number]) => weeks.reduce((sum, w) => sum + w[s], 0)
  return (
    <table className={local.table}>
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">{text.week}</th>
          {steps.map((s) => <th key={s} scope="col">{text[s]}</th>)}
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => (
          <tr key={w.week}>
            <th scope="row">{text.weekOf(w.week)}</th>
            {steps.map((s) => <td key={s}>{w[s]}</td>)}
          </tr>
        ))}
        <tr>
          <th scope="row">{text.total}</th>
          {steps.map((s) => <td key={s}>{total(s)}</td>)}
        </tr>
      </tbody>
    </table>
  )
}

export function funnelCsv(campaigns: readonly CampaignView[], weeks: readonly FunnelWeek[]): string {
  const labelOf = new Map(campaigns.map((c) => [c.code, c.label]))
  return toCsv([
    [text.week, campaignsText.create.label, 'code', text.scan, text.formOpen, text.submitted],
    ...weeks.map((w) => [text.weekOf(w.week), labelOf.get(w.campaign) ?? text.unknown, w.campaign, String(w.scan), String(w.formOpen), String(w.submitted)]),
  ])
}

export function FunnelView({ windowId, campaigns }: { windowId: string; campaigns: readonly CampaignView[] }) {
  const today = tokyoClock(new Date()).date
  const [from, setFrom] = useState(addDays(today, -DEFAULT_DAYS + 1))
  const [to, setTo] = useState(today)
  const [shown, setShown] = useState({ from, to })
  const [weeks, setWeeks] = useState<FunnelWeek[] | null>(null)
  const [error, setError] = useState<unknown>(null)

  const load = useCallback(async (range: { from: string; to: string }) => {
    setError(null)
    try {
      setWeeks(await campaignsApi.funnel(windowId, range.from, range.to))
      setShown(range)
    } catch (caught) {
      setError(caught)
    }
  }, [windowId])
  useEffect(() => {
    void load({ from: addDays(tokyoClock(new Date()).date, -DEFAULT_DAYS + 1), to: tokyoClock(new Date()).date })
  }, [load])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void load({ from, to })
  }
  const byCampaign = campaigns.map((c) => ({ campaign: c, weeks: (weeks ?? []).filter((w) => w.campaign === c.code) })).filter((g) => g.weeks.length > 0)

  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">{text.heading}</h2>
      <p>{text.lead}</p>
      <form className={`${styles.form} ${local.range}`} onSubmit={submit}>
        <label htmlFor="funnel-from">{text.from}</label>
        <input id="funnel-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        <label htmlFor="funnel-to">{text.to}</label>
        <input id="funnel-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        <div className={styles.actions}>
          <button type="submit" className={styles.secondary}>{text.show}</button>
          {weeks && weeks.length > 0 ? (
            <button type="button" className={styles.secondary} onClick={() => downloadCsv(text.fileName(windowId, shown.from, shown.to), funnelCsv(campaigns, weeks))}>
              {text.csv}
            </button>
          ) : null}
        </div>
      </form>
      {error ? <p className={styles.error} role="alert">{errorText(error)}</p> : null}
      {weeks && byCampaign.length === 0 ? <p role="status">{text.none}</p> : null}
      {byCampaign.map(({ campaign, weeks: rows }) => (
        <div key={campaign.code} className={local.funnelGroup}>
          <h3>{campaign.label}</h3>
          <FunnelChart label={campaign.label} weeks={rows} />
          <FunnelTable label={text.chartTitle(campaign.label)} weeks={rows} />
        </div>
      ))}
    </section>
  )
}
