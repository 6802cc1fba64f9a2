import { useState } from 'react'
import { CONTACT_NOTES_MAX, contactMethods, contactParticipants, type ContactMethod, type ContactParticipant } from '@/shared/schemas/contact-log'
import { caseWords } from '../reports/report-labels'
import styles from '../staff.module.css'
import { st } from '../staff-text'
import { saveContact } from './case-actions'
import { useAction } from './case-forms'

/** Today as a calendar day in Tokyo, the day staff would write on paper. */
function todayInTokyo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date())
}

/** One contact (date, method, who took part, notes), sealed to the window in this browser. */
export function ContactForm({ windowId, requestId, onChanged }: { windowId: string; requestId: string; onChanged: () => Promise<void> }) {
  const [date, setDate] = useState(todayInTokyo)
  const [method, setMethod] = useState<ContactMethod>('phone')
  const [participants, setParticipants] = useState<ContactParticipant[]>([])
  const [notes, setNotes] = useState('')
  const action = useAction(onChanged)
  const toggle = (p: ContactParticipant, on: boolean) => setParticipants((list) => (on ? [...list, p] : list.filter((x) => x !== p)))

  return (
    <section aria-labelledby="case-contact-heading">
      <h2 id="case-contact-heading">{st('case.contactHeading')}</h2>
      <p id="case-contact-hint" className={styles.hint}>
        {st('case.contactHint')}
      </p>
      <form
        className={styles.form}
        aria-describedby="case-contact-hint"
        onSubmit={(e) =>
          void action.run(e, async (done) => {
            if (participants.length === 0) return action.fail(st('case.contactNeedParticipant'))
            const ordered = contactParticipants.filter((p) => participants.includes(p))
            await saveContact(windowId, requestId, { date, method, participants: ordered, ...(notes.trim() ? { notes: notes.trim() } : {}) })
            setNotes('')
            setParticipants([])
            done(st('case.contactSaved'))
          })
        }
      >
        <label htmlFor="case-contact-date">{st('case.contactDate')}</label>
        <input id="case-contact-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="case-contact-method">{st('case.contactMethod')}</label>
        <select id="case-contact-method" value={method} onChange={(e) => setMethod(e.target.value as ContactMethod)}>
          {contactMethods.map((m) => (
            <option key={m} value={m}>
              {caseWords.method[m]}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{st('case.contactParticipants')}</legend>
          {contactParticipants.map((p) => (
            <label key={p}>
              <input type="checkbox" checked={participants.includes(p)} onChange={(e) => toggle(p, e.target.checked)} /> {caseWords.participant[p]}
            </label>
          ))}
        </fieldset>
        <label htmlFor="case-contact-notes">{st('case.contactNotes')}</label>
        <textarea id="case-contact-notes" rows={3} maxLength={CONTACT_NOTES_MAX} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={action.busy}>
            {st('case.contactSave')}
          </button>
        </div>
        {action.feedback}
      </form>
    </section>
  )
}
