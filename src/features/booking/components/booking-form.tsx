import { useEffect, useRef, useState, type FormEvent } from 'react'
import { CheckBox } from '@/components/form/check-box'
import { fetchPublicConfig, type PublicConfig } from '@/lib/api'
import { deployment } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import { openWindowIds } from '@/lib/window-recipients'
import type { Slot } from '@/shared/schemas/requests'
import { STEP_COUNT, validateStep, type Answers, type StepErrors } from '../booking-answers'
import { deleteDraft, loadDraft, saveDraft } from '../drafts'
import { submitBooking, type SubmitOutcome } from '../submit-booking'
import styles from './booking.module.css'
import { ClosedNotice } from './closed-notice'
import { StepDetails } from './step-details'
import { StepMode } from './step-mode'
import { StepNickname } from './step-nickname'
import { StepReview } from './step-review'
import { StepSlot } from './step-slot'
import { StepWho } from './step-who'
import { StepWindow } from './step-window'

const HEADINGS = ['who.heading', 'nickname.heading', 'mode.heading', 'window.heading', 'slot.heading', 'details.heading', 'review.heading']
const VARIANT_HEADINGS = new Set([2, 3, 6])
/** Server error keys with a sentence of their own; any other refusal reads as submitError.rejected. */
const SUBMIT_ERRORS: Record<string, string> = {
  'errors.dailyLimit': 'submitError.dailyLimit',
  'errors.windowFull': 'submitError.windowFull',
  'errors.proofRequired': 'submitError.proof',
  'errors.proofInvalid': 'submitError.proof',
  'errors.proofExpired': 'submitError.proof',
  'errors.proofUsed': 'submitError.proof',
}

export type Sent = Extract<SubmitOutcome, { kind: 'sent' }>

interface Props {
  initial: Answers
  campaign: string | null
  onSent: (sent: Sent, answers: Answers) => void
}

export function BookingForm({ initial, campaign, onSent }: Props) {
  const text = useText('booking')
  const [answers, setAnswers] = useState(initial)
  const [step, setStep] = useState(1)
  const [errors, setErrors] = useState<StepErrors>({})
  const [config, setConfig] = useState<PublicConfig | null>(null)
  const [openWindows, setOpenWindows] = useState<Set<string> | null>(null)
  const [alternatives, setAlternatives] = useState<Slot[]>([])
  const [keepDraft, setKeepDraft] = useState(false)
  const [draftRestored, setDraftRestored] = useState(false)
  const [sending, setSending] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const moved = useRef(false)

  useEffect(() => {
    // Fetched now, while online: a request sent offline must still show 「送信待ち」 on every page,
    // even before the service worker has precached the app.
    void import('./live-outbox-indicator').catch(() => undefined)
    fetchPublicConfig().then(setConfig, () => setConfig(null))
    loadDraft().then(
      (draft) => {
        if (!draft) return
        setAnswers({ ...draft, windowId: draft.windowId ?? initial.windowId })
        setKeepDraft(true)
        setDraftRestored(true)
      },
      () => undefined,
    )
  }, [initial.windowId])

  useEffect(() => {
    if (!config) return
    let live = true
    void openWindowIds(config).then((open) => live && setOpenWindows(open))
    return () => {
      live = false
    }
  }, [config])

  useEffect(() => {
    if (keepDraft) void saveDraft(answers).catch(() => undefined)
  }, [keepDraft, answers])

  useEffect(() => {
    if (!moved.current) return
    headingRef.current?.focus()
    window.scrollTo(0, 0)
  }, [step])

  // Until the configuration is checked, every window counts as open; sending checks again.
  const windowReady = (id: string) => !openWindows || openWindows.has(id)
  const chosenClosed = deployment.windows.filter((w) => w.id === answers.windowId && !windowReady(w.id))
  const variant = answers.asker ?? 'self'
  const update = (change: Partial<Answers>) => setAnswers((current) => ({ ...current, ...change }))

  const goTo = (target: number) => {
    moved.current = true
    setErrors({})
    setSubmitError(null)
    setStep(target)
  }

  const showErrors = (found: StepErrors) => {
    setErrors(found)
    // Wait for the error texts to render, then put the person on the first field to fix.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  const toggleDraft = (on: boolean) => {
    setKeepDraft(on)
    if (!on) void deleteDraft().catch(() => undefined)
  }

  async function send() {
    setSending(true)
    setSubmitError(null)
    try {
      const outcome = await submitBooking(answers, { campaign, config })
      if (outcome.kind === 'notReady') return setSubmitError('submitError.notReady')
      if (outcome.kind === 'noConfig') return setSubmitError('submitError.config')
      const { delivery } = outcome
      if (delivery.kind === 'slotTaken') {
        setAlternatives(delivery.alternatives)
        update({ slot: null, consent: false })
        return goTo(5)
      }
      if (delivery.kind === 'rateLimited') return setSubmitError(SUBMIT_ERRORS[delivery.error ?? ''] ?? 'submitError.rateLimited')
      if (delivery.kind === 'rejected') return setSubmitError(SUBMIT_ERRORS[delivery.error] ?? 'submitError.rejected')
      if (keepDraft) await deleteDraft().catch(() => undefined)
      onSent(outcome, answers)
    } finally {
      setSending(false)
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const found = validateStep(step, answers, windowReady)
    if (Object.keys(found).length > 0) return showErrors(found)
    if (step < STEP_COUNT) return goTo(step === 4 && answers.mode === 'letter' ? 6 : step + 1)
    void send()
  }

  // From the window step's "no time" offer: no time is chosen, so the time step is skipped.
  const waitForContact = () => {
    update({ slot: { kind: 'later' } })
    goTo(6)
  }

  const back = () => goTo(step === 6 && answers.mode === 'letter' ? 4 : step - 1)
  const headingKey = `${HEADINGS[step - 1]}${VARIANT_HEADINGS.has(step) ? `.${variant}` : ''}`
  const headingId = 'booking-step-heading'
  const stepProps = { answers, update, errors, variant, headingId }

  if (openWindows?.size === 0) return <ClosedNotice windows={deployment.windows} />
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <p className={styles.progress}>{text.r('progress', { step, total: STEP_COUNT })}</p>
      <div className={styles.bar} aria-hidden="true">
        <div className={styles.barFill} style={{ width: `${(step / STEP_COUNT) * 100}%` }} />
      </div>
      {chosenClosed.length > 0 ? <ClosedNotice windows={chosenClosed} /> : null}
      {draftRestored && step === 1 ? <p role="status" className={styles.notice}>{text.r('draft.restored')}</p> : null}
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
        {text.r(headingKey)}
      </h2>
      {step === 1 ? <StepWho {...stepProps} /> : null}
      {step === 2 ? <StepNickname {...stepProps} /> : null}
      {step === 3 ? <StepMode {...stepProps} /> : null}
      {step === 4 ? <StepWindow {...stepProps} windowReady={windowReady} onWait={waitForContact} /> : null}
      {step === 5 ? <StepSlot {...stepProps} alternatives={alternatives} /> : null}
      {step === 6 ? <StepDetails {...stepProps} /> : null}
      {step === 7 ? <StepReview {...stepProps} goTo={goTo} /> : null}
      {submitError ? (
        <p role="alert" className={styles.alert}>
          {text.r(submitError)}
        </p>
      ) : null}
      {sending ? <p role="status">{text.r('review.sending')}</p> : null}
      <div className={styles.actions}>
        {step > 1 ? (
          <button type="button" className={styles.secondary} onClick={back}>
            {text.r('back')}
          </button>
        ) : null}
        <button type="submit" className={styles.primary} disabled={sending}>
          {step === STEP_COUNT ? text.r('review.submit') : text.r('next')}
        </button>
      </div>
      <details className={styles.draft} open={keepDraft || undefined}>
        <summary>{text.r('draft.summary')}</summary>
        <CheckBox id="booking-draft" label={text.r('draft.label')} support={text.r('draft.hint')} checked={keepDraft} onChange={toggleDraft} />
      </details>
    </form>
  )
}
