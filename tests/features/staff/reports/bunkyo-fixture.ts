import { ageGroups } from '@/shared/schemas/booking-payload'
import { type ContactMethod, type ReportCase, type ReportCaseInput, reportCaseSchema } from '@/shared/schemas/contact-log'

type AgeGroup = (typeof ageGroups)[number]

/**
 * Cases that reproduce 文京区ひきこもり支援センター 令和6年度 (seeds/004, 相談実績): 延べ 253, 新規 47,
 * 実人数 71 (年代別), 本人 23% / 家族 58% / その他 20%, 初回相談の相談者 and 相談手法別実績.
 *
 * The seed's text lost two cells of 相談手法別実績 (来所相談 and 訪問による相談; only 電話 125,
 * メール 2, SNS等 0, 同行 3, 郵便 1 are printed). 延べ is 253, so they add up to 122: this fixture
 * takes 来所 112 and 訪問 10. The percentages fit 実人数 71 as 16 / 41 / 14 people.
 */
export const BUNKYO_R6 = {
  fiscalYear: 2024,
  total: 253,
  newCases: 47,
  activeCases: 71,
  askersPercent: { self: 23, family: 58, other: 20 },
  byMethod: { phone: 125, email: 2, online: 0, visit: 112, outreach: 10, accompany: 3, letter: 1 },
  // 当事者, うち50歳以上, 親, うち80歳以上, 兄弟姉妹, そのほか・不明等, 小計
  consulters: {
    phone: [5, 1, 8, 0, 3, 8, 24],
    visit: [4, 1, 12, 5, 3, 4, 23],
    outreach: [0, 0, 0, 0, 0, 0, 0],
    total: [9, 2, 20, 5, 6, 12, 47],
  },
  byAge: { '10s': 8, '20s': 13, '30s': 11, '40s': 16, '50plus': 20, unknown: 3 },
} as const

type Who = 'self' | 'self50' | 'parent' | 'parent80' | 'sibling' | 'spouse' | 'supporter'

function repeat<T>(value: T, times: number): T[] {
  return Array.from({ length: times }, () => value)
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

export function bunkyoCases(): ReportCase[] {
  // 新規 47: who asked × the first contact's method, as the seed's 初回相談の相談者.
  const newcomers: Array<{ who: Who; method: ContactMethod }> = [
    ...repeat({ who: 'self50' as Who, method: 'phone' as ContactMethod }, 1),
    ...repeat({ who: 'self' as Who, method: 'phone' as ContactMethod }, 4),
    ...repeat({ who: 'parent' as Who, method: 'phone' as ContactMethod }, 8),
    ...repeat({ who: 'sibling' as Who, method: 'phone' as ContactMethod }, 3),
    ...repeat({ who: 'supporter' as Who, method: 'phone' as ContactMethod }, 6),
    ...repeat({ who: 'spouse' as Who, method: 'phone' as ContactMethod }, 2),
    ...repeat({ who: 'self50' as Who, method: 'visit' as ContactMethod }, 1),
    ...repeat({ who: 'self' as Who, method: 'visit' as ContactMethod }, 3),
    ...repeat({ who: 'parent80' as Who, method: 'visit' as ContactMethod }, 5),
    ...repeat({ who: 'parent' as Who, method: 'visit' as ContactMethod }, 7),
    ...repeat({ who: 'sibling' as Who, method: 'visit' as ContactMethod }, 3),
    ...repeat({ who: 'supporter' as Who, method: 'visit' as ContactMethod }, 4),
  ]
  // 継続 24, first seen in 令和5年度: with the newcomers, 本人 16, 家族 41, その他 14.
  const continuing: Who[] = [...repeat<Who>('self', 7), ...repeat<Who>('parent', 10), ...repeat<Who>('sibling', 3), ...repeat<Who>('supporter', 4)]

  // 年代別 71: 50代以上 is 50代 and 60代以上, 年齢不明 is "unknown" and no answer.
  const old: AgeGroup[] = [...repeat<AgeGroup>('50s', 14), ...repeat<AgeGroup>('60plus', 6)]
  const young: Array<AgeGroup | null> = [
    ...repeat<AgeGroup>('10s', 8),
    ...repeat<AgeGroup>('20s', 13),
    ...repeat<AgeGroup>('30s', 11),
    ...repeat<AgeGroup>('40s', 16),
    'unknown',
    'unknown',
    null,
  ]
  // 延べ 253 = 47 first contacts + 206 more; each continuing case has at least one.
  const more: ContactMethod[] = [
    ...repeat<ContactMethod>('phone', 101),
    ...repeat<ContactMethod>('visit', 89),
    ...repeat<ContactMethod>('outreach', 10),
    ...repeat<ContactMethod>('accompany', 3),
    ...repeat<ContactMethod>('email', 2),
    'letter',
  ]

  const people = [
    ...newcomers.map((n, i) => ({ ...n, first: addDays('2024-04-01', Math.floor((i * 357) / newcomers.length)), earlier: null as string | null })),
    ...continuing.map((who, i) => ({ who, method: more.pop()!, first: addDays('2024-04-01', (i * 13) % 330), earlier: addDays('2023-06-01', i * 9) })),
  ]
  const contacts = people.map((p) => [{ date: p.first, method: p.method }])
  more.forEach((method, k) => {
    const i = k % people.length
    const date = addDays(people[i]!.first, 1 + Math.floor(k / people.length) * 11)
    contacts[i]!.push({ date: date > '2025-03-31' ? '2025-03-31' : date, method })
  })

  // The person's own age decides うち50歳以上: those first, then everyone else from what is left.
  const ages = people.map((p) => (p.who === 'self50' ? old.shift()! : p.who === 'self' ? young.shift()! : undefined))
  const rest = [...old, ...young]
  const ageOf = (i: number) => (ages[i] !== undefined ? ages[i] : rest.shift()!)
  const participant = { self: 'person', self50: 'person', parent: 'parent', parent80: 'parent', sibling: 'sibling', spouse: 'other', supporter: 'other' } as const

  let serial = 0
  const cases: ReportCaseInput[] = people.map((p, i) => {
    const family = p.who === 'parent' || p.who === 'parent80' || p.who === 'sibling' || p.who === 'spouse'
    const log = [...(p.earlier ? [{ date: p.earlier, method: 'phone' as ContactMethod }] : []), ...contacts[i]!]
    return {
      requestId: uuid(i + 1),
      createdAt: `${p.earlier ?? p.first}T10:00:00+09:00`,
      origin: p.method === 'visit' ? 'walk-in' : i % 3 === 0 ? 'online' : 'phone',
      asker: p.who.startsWith('self') ? 'self' : family ? 'family' : 'supporter',
      relation: family ? (p.who.startsWith('parent') ? 'parent' : (p.who as 'sibling' | 'spouse')) : null,
      ageGroup: ageOf(i),
      parentAged80OrOver: p.who === 'parent80',
      contacts: log.map((entry) => ({ id: uuid(1000 + serial++), ...entry, participants: [participant[p.who]] })),
    }
  })
  // Not in 令和6年度: a booking nobody has answered yet, a case that starts in 令和7年度, one that ended in 令和5年度.
  cases.push(
    { requestId: uuid(900), createdAt: '2025-03-30T22:00:00+09:00', origin: 'online', asker: 'self', relation: null, ageGroup: '20s', contacts: [] },
    { requestId: uuid(901), createdAt: '2025-03-31T23:30:00+09:00', origin: 'online', asker: 'self', relation: null, ageGroup: '30s', contacts: [{ id: uuid(9001), date: '2025-04-01', method: 'video', participants: ['person'] }] },
    { requestId: uuid(902), createdAt: '2024-03-01T09:00:00+09:00', origin: 'phone', asker: 'family', relation: 'parent', ageGroup: '40s', contacts: [{ id: uuid(9002), date: '2024-03-31', method: 'phone', participants: ['parent'] }] },
  )
  return cases.map((c) => reportCaseSchema.parse(c))
}
