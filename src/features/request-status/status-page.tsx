import { useRef, useState, type FormEvent } from 'react'
import { TextField } from '@/components/form/text-field'
import { deployment } from '@/lib/deployment'
import { deliver, findByLookupId } from '@/lib/outbox-delivery'
import type { OutboxEntry } from '@/lib/db'
import { useText } from '@/lib/use-text'
import { formatReceiptCode, isValidReceiptCode, normalizeReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys, type ReceiptKeys } from '@/shared/crypto/receipt-keys'
import type { RequestView as View } from '@/shared/schemas/requests'
import { OutboxNotice } from './outbox-notice'
import { RequestView } from './request-view'
import { lookupRequest } from './status-api'
import styles from './status.module.css'

type Found = { keys: ReceiptKeys; view: View | null; outbox: OutboxEntry | null }

/** Input → 16 digits with a valid check digit, or the key of what is wrong. Nothing is sent for a typo. */
export function checkReceiptInput(input: string): { ok: true; digits: string } | { ok: false; error: string } {
  const digits = normalizeReceiptCode(input)
  if (digits === null) return { ok: false, error: 'errors.length' }
  if (!isValidReceiptCode(digits)) return { ok: false, error: 'errors.checkDigit' }
  return { ok: true, digits }
}

/**
 * The last result, in this page's memory only (never storage): coming back from /call (「文字で相談する」)
 * shows the thread again without typing the receipt. 「番号を消して終わる」 and a reload forget it.
 */
let remembered: Found | null = null

export function StatusPage({ callPath }: { callPath: string }) {
  const text = useText('status')
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [found, setFoundState] = useState<Found | null>(() => remembered)
  const setFound = (next: Found | null) => {
    remembered = next
    setFoundState(next)
  }
  const inputRef = useRef<HTMLInputElement>(null)

  async function check(keys: ReceiptKeys) {
    let outbox = await findByLookupId(keys.lookupId).catch(() => null)
    if (outbox?.state === 'pending') {
      await deliver(outbox.id)
      outbox = await findByLookupId(keys.lookupId)
    }
    if (outbox && outbox.state !== 'delivered') return setFound({ keys, view: null, outbox })
    const result = await lookupRequest({ lookupId: keys.lookupId, authKey: keys.authKey })
    if (result.kind === 'ok') return setFound({ keys, view: result.value, outbox: null })
    setProblem(result.kind === 'notFound' ? 'errors.notFound' : result.kind === 'network' ? 'errors.network' : result.kind === 'busy' ? 'errors.busy' : 'errors.failed')
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setProblem(null)
    setFound(null)
    const input = checkReceiptInput(code)
    if (!input.ok) {
      setFieldError(input.error)
      inputRef.current?.focus()
      return
    }
    setFieldError(null)
    // Shown in groups of four, as on the confirmation and the printed sheet, so it is easy to compare.
    setCode(formatReceiptCode(input.digits))
    setBusy(true)
    try {
      await check(await deriveReceiptKeys(input.digits, deployment.id))
    } catch {
      setProblem('errors.failed')
    } finally {
      setBusy(false)
    }
  }

  function clear() {
    setCode('')
    setFound(null)
    setProblem(null)
    inputRef.current?.focus()
  }

  return (
    <>
      <h1>{text.r('title')}</h1>
      <p>{text.r('lead')}</p>
      <form onSubmit={onSubmit} noValidate className={styles.form}>
        <TextField
          ref={inputRef}
          id="status-code"
          name="receipt"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          label={text.r('codeLabel')}
          support={text.r('codeHint')}
          error={fieldError ? text.r(fieldError) : undefined}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={busy}>
            {text.r('check')}
          </button>
          {found ? (
            <button type="button" className={styles.secondary} onClick={clear}>
              {text.r('clear')}
            </button>
          ) : null}
        </div>
      </form>
      <div role="status">{busy ? text.r('checking') : null}</div>
      {problem ? (
        <p role="alert" className={styles.alert}>
          {text.r(problem)}
        </p>
      ) : null}
      {found?.outbox ? <OutboxNotice entry={found.outbox} onDelivered={() => void check(found.keys)} /> : null}
      {found?.view ? <RequestView keys={found.keys} view={found.view} callPath={callPath} onChange={(view) => setFound({ ...found, view })} /> : null}
    </>
  )
}
