import { getDraftsDb } from '@/lib/db'
import { restoreAnswers, type Answers } from './booking-answers'

/** Plaintext on the device, so only after the person ticks 「この端末に下書きを保存する」. */
export async function saveDraft(answers: Answers): Promise<void> {
  await getDraftsDb().drafts.put({ id: 'current', savedAt: new Date().toISOString(), answers: { ...answers, consent: false } })
}

export async function loadDraft(): Promise<Answers | null> {
  // Opening the database would create it; only look when one exists, so nothing is written by reading.
  if (typeof indexedDB.databases === 'function') {
    const names = (await indexedDB.databases()).map((d) => d.name)
    if (!names.includes(getDraftsDb().name)) return null
  }
  const record = await getDraftsDb().drafts.get('current')
  return record ? restoreAnswers(record.answers) : null
}

export async function deleteDraft(): Promise<void> {
  await getDraftsDb().delete()
}
