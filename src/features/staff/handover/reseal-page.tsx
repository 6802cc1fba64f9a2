import { useEffect, useMemo, useState } from 'react'
import type { ResealTarget } from '@/shared/schemas/handover'
import { useCases } from '../inbox/cases-context'
import { fingerprintDigits } from '../keys/fingerprint-words'
import { StaffShell } from '../staff-shell'
import styles from '../staff.module.css'
import { errorText } from '../staff-text'
import { resealCase } from './case-envelopes'
import { handoverText as t } from './handover-text'
import { loadRecoveryKey } from './recovery-file'
import { verifiedTargets } from './reseal-targets'

const isOpen = (status: string) => status !== 'closed' && status !== 'cancelled'

/** Re-seal (issue 10): the window's open cases sealed, in this browser, to colleagues' keys that cannot open them yet. */
export function ResealPage({ windowId }: { windowId: string }) {
  const { cases, keyFor, reload } = useCases()
  const [targets, setTargets] = useState<ResealTarget[] | null>(null)
  const [opener, setOpener] = useState<'mine' | 'recovery'>('mine')
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    verifiedTargets(windowId).then(setTargets, (caught: unknown) => setMessage({ ok: false, text: errorText(caught) }))
  }, [windowId])

  const open = useMemo(() => cases.filter((c) => c.summary.windowId === windowId && isOpen(c.summary.status)), [cases, windowId])
  const lacking = (keyId: string) => open.filter((c) => !c.summary.envelope.recipients.some((r) => r.keyId === keyId))
  const needed = (targets ?? []).filter((k) => lacking(k.keyId).length > 0)
  const todo = open.filter((c) => needed.some((k) => !c.summary.envelope.recipients.some((r) => r.keyId === k.keyId)))

  const start = async () => {
    setMessage(null)
    try {
      const key = opener === 'mine' ? keyFor(windowId)?.pair : file ? await loadRecoveryKey(windowId, file) : null
      if (!key) return setMessage({ ok: false, text: opener === 'mine' ? errorText(null) : t.reseal.noRecoveryFile })
      const recipients = needed.map((k) => ({ keyId: k.keyId, publicKey: k.publicKey }))
      let resealed = 0
      let skipped = 0
      setProgress({ done: 0, total: todo.length })
      for (const [i, c] of todo.entries()) {
        const result = await resealCase(windowId, c.summary.requestId, key, recipients)
        if (result.added) resealed += 1
        if (result.unreadable) skipped += 1
        setProgress({ done: i + 1, total: todo.length })
      }
      setMessage({ ok: true, text: t.reseal.done(resealed, skipped) })
      await reload()
    } catch (caught) {
      const key = (caught as { key?: string }).key
      setMessage({ ok: false, text: key === 'badFile' || caught instanceof SyntaxError || caught instanceof TypeError ? t.reseal.badRecoveryFile : (t.errors[key ?? ''] ?? errorText(caught)) })
    }
  }

  return (
    <StaffShell title={t.reseal.heading}>
      <h1>{t.reseal.heading}</h1>
      <p>{t.reseal.lead}</p>
      <p className={styles.hint}>{t.reseal.openOnly}</p>
      <h2>{t.reseal.colleagues}</h2>
      {targets && needed.length === 0 ? <p>{t.reseal.none}</p> : null}
      <ul>
        {needed.map((k) => (
          <li key={k.keyId}>
            {t.reseal.missing(k.displayName, lacking(k.keyId).length)}{' '}
            <span className={styles.hint}>
              {t.reseal.fingerprint}: {fingerprintDigits(k.fingerprint).join(' ')}
            </span>
          </li>
        ))}
      </ul>
      {needed.length > 0 ? (
        <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void start())}>
          <fieldset>
            <legend>{t.reseal.openerLegend}</legend>
            {(['mine', 'recovery'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="opener" value={value} checked={opener === value} onChange={() => setOpener(value)} />{' '}
                {value === 'mine' ? t.reseal.openerMine : t.reseal.openerRecovery}
              </label>
            ))}
          </fieldset>
          {opener === 'recovery' ? (
            <>
              <label htmlFor="recovery-file">{t.reseal.recoveryFile}</label>
              <p id="recovery-file-hint" className={styles.hint}>
                {t.reseal.recoveryHint}
              </p>
              <input id="recovery-file" type="file" accept="application/json,.json" aria-describedby="recovery-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className={styles.primary} disabled={progress !== null && progress.done < progress.total}>
              {t.reseal.start(todo.length)}
            </button>
          </div>
        </form>
      ) : null}
      {progress ? (
        <div className={styles.form}>
          <label htmlFor="reseal-progress">{t.reseal.progressLabel}</label>
          <progress id="reseal-progress" max={progress.total} value={progress.done} aria-valuetext={t.reseal.progress(progress.done, progress.total)} />
          <p aria-hidden="true">{t.reseal.progress(progress.done, progress.total)}</p>
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? styles.notice : styles.error} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </StaffShell>
  )
}
