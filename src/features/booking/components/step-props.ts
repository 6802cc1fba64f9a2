import type { Answers, AskerVariant, StepErrors } from '../booking-answers'

export interface StepProps {
  answers: Answers
  update: (change: Partial<Answers>) => void
  errors: StepErrors
  variant: AskerVariant
  headingId: string
}
