import { useEffect, useState, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { asCampaign, currentCampaign } from '@/lib/campaign'
import { recordCount } from '@/lib/count-outbox'
import { deployment } from '@/lib/deployment'
import { useText } from '@/lib/use-text'
import { emptyAnswers, type Answers } from '../booking-answers'
import { BookingForm, type Sent } from './booking-form'
import { Confirmation } from './confirmation'

const opened = new Set<string>()

/** One 「フォームを開いた」 per campaign and visit (React's development double effects included). */
function countFormOpen(campaign: string | null): void {
  if (!campaign || opened.has(campaign)) return
  opened.add(campaign)
  void recordCount(campaign, 'form-open').catch(() => undefined)
}

interface Props {
  statusPath: string
  homePath: string
  receiptExtras?: (receipt: string) => ReactNode
}

/**
 * The whole booking: the seven questions, then the confirmation with the receipt code. The code
 * lives only in this component's state: no URL, no history state, no storage.
 */
export function BookingPage({ statusPath, homePath, receiptExtras }: Props) {
  const text = useText('booking')
  const [params] = useSearchParams()
  const [initial] = useState(() => {
    const requested = params.get('window')
    return emptyAnswers(deployment.windows.some((w) => w.id === requested) ? requested : null)
  })
  const [campaign] = useState(() => asCampaign(params.get('src')) ?? currentCampaign())
  useEffect(() => countFormOpen(campaign), [campaign])
  const [done, setDone] = useState<{ sent: Sent; answers: Answers } | null>(null)

  if (done) return <Confirmation sent={done.sent} answers={done.answers} statusPath={statusPath} homePath={homePath} receiptExtras={receiptExtras} />
  return (
    <>
      <h1>{text.r('title')}</h1>
      <p>{text.r('lead')}</p>
      <BookingForm initial={initial} campaign={campaign} onSent={(sent, answers) => setDone({ sent, answers })} />
    </>
  )
}
