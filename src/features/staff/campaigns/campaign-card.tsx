import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { minPrintMm, qrMatrix } from '@/shared/qr/qr-matrix'
import { qrPng } from '@/shared/qr/qr-png'
import { matrixPath, qrSvg } from '@/shared/qr/qr-svg'
import type { CampaignView } from '@/shared/schemas/campaigns'
import { downloadBlob } from '../reports/download'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { campaignsApi } from './campaigns-api'
import { campaignsText } from './campaigns-text'
import local from './campaigns.module.css'

const text = campaignsText.list

/** Flyers may be folded or scuffed: Q keeps a quarter of the code readable from damage (M is the least the issue allows). */
export const FLYER_ECC = 'Q' as const
/** PNG for word processors: 600 dpi is what office printers print; the pHYs chunk keeps the size. */
export const PNG_DPI = 600
export const DEFAULT_PRINT_MM = 40

/** What the code holds: the short link on this site, which counts the scan and leads to the target. */
export function shortLinkOf(code: string): string {
  return `${window.location.origin}/q/${code}`
}

/** The code drawn as an SVG element (no HTML string): sharp at any zoom, read by the test decoder too. */
export function QrImage({ url, mm, className }: { url: string; mm?: number; className?: string }) {
  const matrix = useMemo(() => qrMatrix(url, FLYER_ECC), [url])
  return (
    <svg className={className} viewBox={`0 0 ${matrix.size} ${matrix.size}`} width={mm ? `${mm}mm` : undefined} height={mm ? `${mm}mm` : undefined} role="img" aria-label={text.qrAlt(url)} shapeRendering="crispEdges">
      <rect width={matrix.size} height={matrix.size} fill="#fff" />
      <path fill="#000" d={matrixPath(matrix)} />
    </svg>
  )
}

export function CampaignCard({ windowId, campaign, targetText, onRetired }: { windowId: string; campaign: CampaignView; targetText: string; onRetired: () => void }) {
  const url = shortLinkOf(campaign.code)
  const minMm = minPrintMm(qrMatrix(url, FLYER_ECC))
  const mm = Math.max(DEFAULT_PRINT_MM, minMm)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const fileBase = `QR_${campaign.label}_${campaign.code}`

  const [confirming, setConfirming] = useState(false)
  const retire = async () => {
    setBusy(true)
    try {
      await campaignsApi.retire(windowId, campaign.code)
      setMessage({ ok: true, text: text.retiredNow(campaign.label) })
      setConfirming(false)
      onRetired()
    } catch (caught) {
      setMessage({ ok: false, text: errorText(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className={local.card}>
      <h3>{campaign.label}</h3>
      <div className={local.cardBody}>
        <QrImage url={url} className={local.preview} />
        <div>
          <dl className={local.facts}>
            <dt>{text.target}</dt>
            <dd>{targetText}</dd>
            <dt>{text.language}</dt>
            <dd>{campaignsText.create.languages[campaign.language]}</dd>
            <dt>{text.created}</dt>
            <dd>{campaign.createdOn}</dd>
            <dt>{text.url}</dt>
            <dd className={local.url}>{url}</dd>
          </dl>
          {campaign.retiredAt ? (
            <p className={styles.notice}>{text.retired(campaign.retiredAt.slice(0, 10))}</p>
          ) : (
            <>
              <p className={styles.hint}>{text.minSize(minMm)}</p>
              <div className={styles.actions}>
                <button type="button" className={styles.secondary} onClick={() => downloadBlob(`${fileBase}.svg`, new Blob([qrSvg(url, { ecc: FLYER_ECC, mm, title: url })], { type: 'image/svg+xml' }))}>
                  {text.svg}
                </button>
                <button type="button" className={styles.secondary} onClick={() => void qrPng(url, { mm, dpi: PNG_DPI, ecc: FLYER_ECC }).then((png) => downloadBlob(`${fileBase}.png`, new Blob([png as BlobPart], { type: 'image/png' })))}>
                  {text.png}
                </button>
                <Link className={local.buttonLink} to={`/staff/campaigns/${encodeURIComponent(windowId)}/sheet/${encodeURIComponent(campaign.code)}`}>
                  {text.sheet}
                </Link>
                <button type="button" className={styles.danger} aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>
                  {text.retire}
                </button>
              </div>
              {confirming ? (
                <div className={styles.notice}>
                  <p>{text.retireConfirm(campaign.label)}</p>
                  <div className={styles.actions}>
                    <button type="button" className={styles.danger} disabled={busy} onClick={() => void retire()}>
                      {text.retireYes}
                    </button>
                    <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
                      {text.retireNo}
                    </button>
                  </div>
                </div>
              ) : null}
            </>
          )}
          {message ? <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
        </div>
      </div>
    </li>
  )
}
