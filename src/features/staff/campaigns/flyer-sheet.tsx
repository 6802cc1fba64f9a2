import { useState } from 'react'
import { Link } from 'react-router'
import { RubyText } from '@/components/ruby-text'
import { deployment, localized } from '@/lib/deployment'
import { displayTime } from '@/shared/hours/opening-status'
import { minPrintMm, qrMatrix } from '@/shared/qr/qr-matrix'
import type { CampaignLanguage, CampaignView } from '@/shared/schemas/campaigns'
import type { OpeningHours } from '@/shared/schemas/deployment'
import styles from '../staff.module.css'
import { DEFAULT_PRINT_MM, FLYER_ECC, QrImage, shortLinkOf } from './campaign-card'
import { campaignsText, sheetWords } from './campaigns-text'
import local from './campaigns.module.css'

const text = campaignsText.sheet
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
/** The sheet is A4 with 15 mm margins: the code may not be wider than what is left. */
const MAX_MM = 120

function hoursLine(hours: readonly OpeningHours[], language: CampaignLanguage): string {
  const words = sheetWords[language]
  return hours
    .map((h) => {
      const days = WEEK.filter((d) => h.days.includes(d as OpeningHours['days'][number]))
      const contiguous = days.length > 2 && WEEK.indexOf(days[days.length - 1]!) - WEEK.indexOf(days[0]!) === days.length - 1
      const dayText = contiguous ? words.range(words.weekdays[days[0]!]!, words.weekdays[days[days.length - 1]!]!) : days.map((d) => words.weekdays[d]).join(words.separator)
      return `${dayText} ${words.range(displayTime(h.open), displayTime(h.close))}`
    })
    .join(' / ')
}

/**
 * The A4 sheet for a flyer: the code at a size the staff member chooses (never below what phones
 * read), one plain sentence, the address written out for those who type it, the phone and hours.
 */
export function FlyerSheet({ windowId, campaign }: { windowId: string; campaign: CampaignView }) {
  const url = shortLinkOf(campaign.code)
  const minMm = minPrintMm(qrMatrix(url, FLYER_ECC))
  const [mm, setMm] = useState(Math.max(DEFAULT_PRINT_MM, minMm))
  const size = Math.min(MAX_MM, Math.max(minMm, Number.isFinite(mm) ? mm : minMm))
  const win = deployment.windows.find((w) => w.id === windowId)
  const words = sheetWords[campaign.language]
  const lang = campaign.language === 'en' ? 'en' : 'ja'

  return (
    <>
      <div className={local.noPrint}>
        <p>
          <Link to={`/staff/campaigns/${encodeURIComponent(windowId)}`}>{text.back}</Link>
        </p>
        <h1>{campaign.label}</h1>
        <div className={styles.form}>
          <label htmlFor="sheet-size">{text.size}</label>
          <p id="sheet-size-hint" className={styles.hint}>{text.sizeHint(minMm)}</p>
          <input id="sheet-size" type="number" min={minMm} max={MAX_MM} step={1} value={mm} aria-describedby="sheet-size-hint" onChange={(e) => setMm(Number(e.target.value))} />
          <div className={styles.actions}>
            <button type="button" className={styles.primary} onClick={() => window.print()}>{text.print}</button>
          </div>
        </div>
      </div>
      <article className={local.sheet} lang={lang} aria-label={campaign.label}>
        <p className={local.sheetLead}><RubyText text={words.lead} /></p>
        <QrImage url={url} mm={size} className={local.sheetCode} />
        <p><RubyText text={words.scan} /></p>
        <p className={local.sheetUrl}>{url}</p>
        {win ? (
          <div className={local.sheetContact}>
            <p className={local.sheetWindow}><RubyText text={localized(win.name, campaign.language)} /></p>
            {win.phone ? (
              <p>
                <RubyText text={words.phone} />: <span className={local.sheetPhone}>{win.phone}</span>
              </p>
            ) : null}
            {win.phoneHours.length > 0 ? <p><RubyText text={hoursLine(win.phoneHours, campaign.language)} /></p> : null}
            {win.closed.publicHolidays && win.closed.yearEnd ? <p><RubyText text={words.closed} /></p> : null}
          </div>
        ) : null}
      </article>
    </>
  )
}
