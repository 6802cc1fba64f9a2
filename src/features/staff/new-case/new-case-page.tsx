import { useEffect, useState } from 'react'
import { fetchPublicConfig } from '@/lib/api'
import { deployment } from '@/lib/deployment'
import { windowRecipients } from '@/lib/window-recipients'
import { useCases } from '../inbox/cases-context'
import { StaffShell } from '../staff-shell'
import staff from '../staff.module.css'
import type { CreatedCase } from './create-case'
import type { NewCaseAnswers } from './new-case-answers'
import { NewCaseForm } from './new-case-form'
import { newCaseText as text } from './new-case-text'
import { ReceiptPanel } from './receipt-panel'

/** 電話・手紙・来所・訪問の相談を登録: the form, then the receipt to read out or print. */
export function NewCasePage({ windowId }: { windowId: string }) {
  const { reload } = useCases()
  const window = deployment.windows.find((w) => w.id === windowId)
  const [ready, setReady] = useState<boolean | null>(null)
  const [done, setDone] = useState<{ created: CreatedCase; answers: NewCaseAnswers } | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    fetchPublicConfig().then(
      async (config) => live && setReady((await windowRecipients(config, windowId)).length > 0),
      () => live && setReady(false),
    )
    return () => {
      live = false
    }
  }, [windowId])

  return (
    <StaffShell title={text.title}>
      <h1>{text.title}</h1>
      {window ? <p>{text.windowLine(window.name.ja)}</p> : null}
      {done && window ? (
        <ReceiptPanel created={done.created} answers={done.answers} window={window}
          onAnother={() => {
            setDone(null)
            setRound((n) => n + 1)
          }} />
      ) : (
        <>
          <p>{text.lead}</p>
          {ready === false || !window ? <p className={staff.error} role="alert">{text.notReady}</p> : null}
          {ready && window ? (
            <NewCaseForm key={round} windowId={windowId}
              onCreated={(created, answers) => {
                setDone({ created, answers })
                void reload()
              }} />
          ) : null}
        </>
      )}
    </StaffShell>
  )
}
