import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { withoutRuby } from '@/components/ruby-text'
import { ConfirmationSummary, type ConfirmationCase } from '@/features/booking/components/confirmation-summary'
import { emptyAnswers, type Answers } from '@/features/booking/booking-answers'
import { deployment } from '@/lib/deployment'
import { changeLanguage } from '@/lib/i18n'
import { LANGUAGES } from '@/lib/languages'
import en from '@/locales/en/booking.json'
import easy from '@/locales/ja-easy/booking.json'
import ja from '@/locales/ja/booking.json'

const done = { ja: ja.done, 'ja-easy': easy.done, en: en.done } as const
type DoneKey = keyof typeof ja.done

const slot = { id: '3f6c7a58-54b4-4a41-9c1b-2a4fd3f0c001', windowId: 'toshima', start: '2026-12-08T10:00:00+09:00', end: '2026-12-08T10:50:00+09:00', mode: 'phone' as const }
const toshima = deployment.windows.find((w) => w.id === 'toshima')!

interface Case {
  name: string
  kind: ConfirmationCase
  pending: boolean
  answers: Partial<Answers>
  /** Exactly these paragraphs, in this order. */
  says: DoneKey[]
  /** Exactly these rows of the summary besides 話し方 and 窓口. */
  rows: DoneKey[]
}

const cases: Case[] = [
  { name: '電話の予約が決まった（窓口に電話する）', kind: 'booked', pending: false, answers: { mode: 'phone' }, says: ['leadBooked', 'howPhone'], rows: ['date', 'time', 'phone'] },
  { name: '電話の予約が決まった（窓口からかける）', kind: 'booked', pending: false, answers: { mode: 'phone', contactKind: 'phone', phone: '090-1234-5678' }, says: ['leadBooked', 'howPhoneCallback'], rows: ['date', 'time'] },
  { name: '来所の予約が決まった', kind: 'booked', pending: false, answers: { mode: 'visit' }, says: ['leadBooked', 'howVisit'], rows: ['date', 'time', 'place'] },
  { name: 'ビデオ通話の予約が決まった', kind: 'booked', pending: false, answers: { mode: 'video' }, says: ['leadBooked', 'howVideo'], rows: ['date', 'time'] },
  { name: '時間を決めずに受け付けた（連絡を待つ）', kind: 'waiting', pending: false, answers: { mode: 'phone' }, says: ['leadWaiting', 'contactNone'], rows: [] },
  { name: '時間を決めずに受け付けた（メールで連絡）', kind: 'waiting', pending: false, answers: { mode: 'visit', contactKind: 'email', email: 'a@example.jp' }, says: ['leadWaiting', 'contactEmail'], rows: [] },
  { name: '時間を決めずに受け付けた（電話で連絡）', kind: 'waiting', pending: false, answers: { mode: 'phone', contactKind: 'phone', phone: '090-1234-5678' }, says: ['leadWaiting', 'contactPhone'], rows: [] },
  { name: 'メール・手紙で受け付けた', kind: 'letter', pending: false, answers: { mode: 'letter' }, says: ['leadLetter', 'contactNone', 'howLetter'], rows: [] },
  { name: '送信待ち（時間を選んだ）', kind: 'booked', pending: true, answers: { mode: 'phone' }, says: ['leadPending', 'pendingSlot'], rows: ['wishDate', 'wishTime'] },
  { name: '送信待ち（連絡を待つ）', kind: 'waiting', pending: true, answers: { mode: 'video' }, says: ['leadPending', 'pendingWaiting', 'contactNone'], rows: [] },
  { name: '送信待ち（メール・手紙）', kind: 'letter', pending: true, answers: { mode: 'letter' }, says: ['leadPending', 'pendingLetter', 'contactNone', 'howLetter'], rows: [] },
]

/** What a reader sees: the text without the furigana readings. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element
  for (const node of copy.querySelectorAll('rt, rp')) node.remove()
  return (copy.textContent ?? '').trim()
}

describe('予約のあとの画面は、その場合に本当のことだけを言う（3言語）', () => {
  for (const language of LANGUAGES) {
    for (const c of cases) {
      it(`${language}: ${c.name}`, async () => {
        await changeLanguage(language)
        const answers = { ...emptyAnswers('toshima'), ...c.answers }
        const { container, unmount } = render(<ConfirmationSummary kind={c.kind} pending={c.pending} slot={c.kind === 'booked' ? slot : null} answers={answers} window={toshima} />)
        const words = (key: DoneKey) => withoutRuby(done[language][key] as string)
        expect([...container.querySelectorAll('p')].map(visibleText)).toEqual(c.says.map(words))
        expect([...container.querySelectorAll('dt')].map(visibleText)).toEqual([...c.rows.slice(0, 2), 'mode', 'window', ...c.rows.slice(2)].map((k) => words(k as DoneKey)))
        unmount()
      })
    }
  }
})
