import type { CaseOrigin, ContactMethod, ContactParticipant } from '@/shared/schemas/contact-log'
import type { ageGroups } from '@/shared/schemas/booking-payload'
import type { AgeBand, AskerKind, ConsulterColumn, ReportMethod } from './compute-report'

/**
 * The words of the reports as the wards print them (seeds 004 Bunkyo, 000 Toshima). They are part
 * of the tables' format, the same in the page and in the CSV a ward pastes into its own report, so
 * they live here and not in the UI locales. Staff pages are Japanese only.
 */
export const summaryLabels = {
  caption: '相談実績',
  total: '延べ相談（件）',
  newCases: '新規相談（件）',
  activeCases: '実相談人数（人）',
  askers: { self: '相談者内訳　本人', family: '相談者内訳　家族', other: '相談者内訳　その他' } satisfies Record<AskerKind, string>,
}

export const consulterLabels = {
  caption: '新規相談　初回相談の相談者（人数）',
  item: '項目',
  subtotal: '小計',
  total: '計',
  columns: {
    person: '当事者',
    person50Plus: '当事者のうち、50歳以上',
    parent: '親',
    parent80Plus: '親のうち、80歳以上',
    sibling: '兄弟姉妹',
    other: 'そのほか、不明等',
  } satisfies Record<ConsulterColumn, string>,
  rows: {
    phone: '電話相談',
    email: 'メール相談',
    online: 'SNS等オンラインによる相談',
    visit: '来所相談',
    outreach: '訪問相談',
    accompany: '同行',
    letter: '郵便',
  } satisfies Record<ReportMethod, string>,
}

export const methodLabels = {
  caption: '相談手法別実績',
  item: '項目',
  count: '件数（延べ数）',
  total: '計',
  note: 'ビデオ通話による相談は「SNS等オンラインによる相談」に数えています。',
  rows: {
    phone: '電話相談',
    email: 'メール相談',
    online: 'SNS等オンラインによる相談（メール除く）',
    visit: '来所相談',
    outreach: '訪問による相談',
    accompany: 'その他　同行',
    letter: 'その他　郵便',
  } satisfies Record<ReportMethod, string>,
}

export const ageLabels = {
  caption: '年代別の実相談人数',
  item: '項目',
  count: '実人数',
  total: '計',
  rows: { '10s': '10代', '20s': '20代', '30s': '30代', '40s': '40代', '50plus': '50代以上', unknown: '年齢不明' } satisfies Record<AgeBand, string>,
}

export const originLabels = {
  caption: '新規相談の受付経路',
  item: '項目',
  count: '件数',
  total: '計',
  rows: { online: 'オンライン予約', phone: '電話', letter: '郵便', 'walk-in': '来所', outreach: '訪問（アウトリーチ）' } satisfies Record<CaseOrigin, string>,
}

export const monthLabels = {
  caption: '月別の相談実績',
  month: '月',
  total: '延べ相談',
  newCases: '新規相談',
  sum: '計',
  methods: { phone: '電話', email: 'メール', online: 'SNS等オンライン', visit: '来所', outreach: '訪問', accompany: '同行', letter: '郵便' } satisfies Record<ReportMethod, string>,
  monthName: (month: number) => `${month}月`,
}

/** Words of the case export (案件の CSV). */
export const caseWords = {
  asker: { self: '本人', family: '家族', supporter: '支援者など' },
  relation: { parent: '親', sibling: 'きょうだい', spouse: '配偶者', child: '子', other: 'そのほか' },
  ageGroup: { '10s': '10代', '20s': '20代', '30s': '30代', '40s': '40代', '50s': '50代', '60plus': '60代以上', unknown: '不明' } satisfies Record<(typeof ageGroups)[number], string>,
  origin: originLabels.rows,
  method: {
    phone: '電話',
    email: 'メール',
    online: 'SNS等オンライン',
    visit: '来所',
    outreach: '訪問',
    accompany: '同行',
    letter: '郵便',
    video: 'ビデオ',
  } satisfies Record<ContactMethod, string>,
  participant: { person: '当事者', parent: '親', sibling: 'きょうだい', other: 'そのほか' } satisfies Record<ContactParticipant, string>,
  status: { received: '受付', contacted: '連絡済', scheduled: '面談予定', ongoing: '継続', closed: '終了', cancelled: 'キャンセル' },
  yes: 'はい',
  none: '—',
}
