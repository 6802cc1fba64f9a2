import { useState, type FormEvent } from 'react'
import { TextArea } from '@/components/form/text-field'
import { useText } from '@/lib/use-text'
import { MESSAGE_MAX } from '@/shared/limits'
import type { Credentials, RequestView } from '@/shared/schemas/requests'
import { sendFollowUp } from './status-api'
import styles from './status.module.css'

export function FollowUpForm({ credentials, view, onSent }: { credentials: Credentials; view: RequestView; onSent: () => void }) {
  const text = useText('status')
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setResult(null)
    const trimmed = message.trim()
    if (!trimmed) return setError('followUp.empty')
    if (message.length > MESSAGE_MAX) return setError('followUp.tooLong')
    setError(null)
    setBusy(true)
    try {
      const outcome = await sendFollowUp(credentials, view, trimmed)
      if (outcome.kind === 'ok') {
        setMessage('')
        setResult('followUp.sent')
        onSent()
      } else {
        setResult(outcome.kind === 'refused' ? outcome.error : outcome.kind === 'closed' ? 'followUp.closed' : 'followUp.failed')
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="follow-up-heading" className={styles.block}>
      <h3 id="follow-up-heading">{text.r('followUp.heading')}</h3>
      <TextArea
        id="status-follow-up"
        label={text.r('followUp.label')}
        support={text.r('followUp.hint')}
        error={error ? text.r(error) : undefined}
        after={text.r('followUp.count', { count: MESSAGE_MAX - message.length })}
        rows={5}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
      />
      <button type="submit" className={styles.primary} disabled={busy}>
        {text.r('followUp.send')}
      </button>
      <p role="status">{result ? text.r(result) : null}</p>
    </form>
  )
}
