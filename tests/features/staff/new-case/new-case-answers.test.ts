import { describe, expect, it } from 'vitest'
import { emptyNewCase, payloadOf, validateNewCase, type NewCaseAnswers } from '@/features/staff/new-case/new-case-answers'
import { bookingPayloadSchema } from '@/shared/schemas/booking-payload'

const REPLY_KEY = 'A'.repeat(43)
const filled = (patch: Partial<NewCaseAnswers> = {}): NewCaseAnswers => ({
  ...emptyNewCase(),
  origin: 'phone',
  asker: 'family',
  relation: 'parent',
  nickname: 'でんわのはは',
  mode: 'phone',
  slot: 'later',
  consent: true,
  ...patch,
})

describe('職員が登録する相談の入力', () => {
  it('何も入れないと、始まり・相談する人・ニックネーム・話し方・同意を直すように言う', () => {
    expect(validateNewCase(emptyNewCase())).toEqual(['origin', 'asker', 'nickname', 'mode', 'consent'])
  })

  it('家族なら関係、電話・来所・ビデオなら時間（または「決めない」）が要る。手紙なら時間は要らない', () => {
    expect(validateNewCase(filled({ relation: null }))).toEqual(['relation'])
    expect(validateNewCase(filled({ slot: null }))).toEqual(['slot'])
    expect(validateNewCase(filled({ mode: 'letter', slot: null }))).toEqual([])
  })

  it('連絡先の形がちがえば、そのフィールドを示す。全角の数字の電話番号は半角にして受け付ける', () => {
    expect(validateNewCase(filled({ contactKind: 'email', email: 'not-an-address' }))).toEqual(['email'])
    expect(validateNewCase(filled({ contactKind: 'phone', phone: '12' }))).toEqual(['phone'])
    expect(validateNewCase(filled({ contactKind: 'phone', phone: '０９０ー１２３４ー５６７８', safeTimes: '夜' }))).toEqual([])
    expect(payloadOf(filled({ contactKind: 'phone', phone: '０９０ー１２３４ー５６７８', safeTimes: '夜' }), REPLY_KEY).contact).toEqual({ kind: 'phone', phone: '090-1234-5678', safeTimes: '夜' })
  })

  it('封をする中身は、公開フォームと同じ bookingPayloadSchema の形。選ばれていない「いちばん」は入れない', () => {
    const payload = payloadOf(filled({ concerns: ['hikikomori'], mainConcern: 'debt', ageGroup: '30s', message: '息子のこと' }), REPLY_KEY)
    expect(bookingPayloadSchema.parse(payload)).toEqual(payload)
    expect(payload).toMatchObject({ asker: 'family', relation: 'parent', nickname: 'でんわのはは', ageGroup: '30s', mode: 'phone', concerns: ['hikikomori'], mainConcern: null, replyKey: REPLY_KEY })
    expect(payloadOf(filled({ asker: 'self' }), REPLY_KEY).relation).toBeNull()
  })
})
