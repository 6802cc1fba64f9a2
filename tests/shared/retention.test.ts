import { describe, expect, it } from 'vitest'
import { retentionSchema } from '../../src/shared/schemas/deployment'
import { DEFAULT_RETENTION, deletionDate, isStale, retentionCutoffs, retentionOf } from '../../src/shared/schemas/retention'

const policy = DEFAULT_RETENTION
const base = { statusAt: '2026-04-01T00:00:00.000Z', updatedAt: '2026-04-10T00:00:00.000Z' }

describe('保存期間の規則', () => {
  it('既定値は deployment.json のスキーマの既定値と同じ（365・30・180日、30日で「手つかず」）', () => {
    expect(retentionSchema.parse({})).toEqual(DEFAULT_RETENTION)
    expect(DEFAULT_RETENTION).toEqual({ closedDays: 365, cancelledDays: 30, waitingDays: 180, staleDays: 30 })
    expect(retentionOf({ cancelledDays: 7 })).toEqual({ ...DEFAULT_RETENTION, cancelledDays: 7 })
  })

  it('終了は終えた日から、取り消しは取り消した日から、それ以外は最後のやりとりから数える', () => {
    expect(deletionDate({ ...base, status: 'closed' }, policy)).toBe('2027-04-01T00:00:00.000Z')
    expect(deletionDate({ ...base, status: 'cancelled' }, policy)).toBe('2026-05-01T00:00:00.000Z')
    for (const status of ['received', 'contacted', 'scheduled', 'ongoing'] as const) {
      expect(deletionDate({ ...base, status }, policy)).toBe('2026-10-07T00:00:00.000Z')
    }
  })

  it('30日だれも触っていない、終わっていない相談だけが「手つかず」', () => {
    const now = new Date('2026-05-10T00:00:00.000Z')
    expect(isStale({ status: 'received', updatedAt: base.updatedAt }, policy, now)).toBe(true)
    expect(isStale({ status: 'ongoing', updatedAt: '2026-04-10T00:00:01.000Z' }, policy, now)).toBe(false)
    expect(isStale({ status: 'closed', updatedAt: base.updatedAt }, policy, now)).toBe(false)
    expect(isStale({ status: 'cancelled', updatedAt: base.updatedAt }, policy, now)).toBe(false)
  })

  it('期限は、その時点から規則の日数だけ前', () => {
    expect(retentionCutoffs(policy, new Date('2027-01-01T00:00:00.000Z'))).toEqual({
      now: '2027-01-01T00:00:00.000Z',
      closed: '2026-01-01T00:00:00.000Z',
      cancelled: '2026-12-02T00:00:00.000Z',
      open: '2026-07-05T00:00:00.000Z',
    })
  })
})
