import guideJa from '@/locales/ja/guide.json'
import mapJa from '@/locales/ja/map.json'
import type { CampaignLanguage } from '@/shared/schemas/campaigns'

/**
 * The words of the 「チラシ用QRコード」 page (Japanese, like every staff page), and the few words the
 * printed sheet carries in the flyer's own language: a flyer in English is read by English readers.
 */
export const campaignsText = {
  heading: 'チラシ用QRコード',
  lead: 'チラシや区報に載せるQRコードを作ります。読み取った数・申込画面を開いた数・送った数を、週ごとに数えます。数は日ごとの合計だけで、だれが読み取ったかは分かりません。',
  create: {
    heading: '新しいQRコードを作る',
    target: '行き先',
    targets: {
      home: 'トップページ',
      book: 'この窓口の予約（窓口を選んだ状態で開きます）',
      hurdle: '「5つの不安」のページ',
      map: '居場所マップ',
      place: '場所ひとつ',
      event: 'イベントひとつ',
    },
    hurdle: 'どのページ',
    // The public pages' own titles and labels, so staff pick what residents will see.
    hurdles: {
      '/who-can-consult': guideJa.who.title,
      '/no-real-name': guideJa.name.title,
      '/after-you-ask': guideJa.after.title,
      '/no-waiting': guideJa.wait.title,
      '/confidential': guideJa.secret.title,
    } as Record<string, string>,
    mapKinds: '場所の種類でしぼる（えらばなければ、すべて）',
    mapAudiences: 'だれ向けかでしぼる（えらばなければ、すべて）',
    kinds: mapJa.kind as Record<string, string>,
    audiences: mapJa.audience as Record<string, string>,
    place: 'どの場所',
    event: 'どのイベント',
    dataLoading: '場所とイベントの一覧を読み込んでいます…',
    dataError: '場所とイベントの一覧を読み込めませんでした。',
    language: 'ページの言葉',
    languages: { ja: '日本語', 'ja-easy': 'やさしい日本語', en: 'English（英語）' } satisfies Record<CampaignLanguage, string>,
    label: 'チラシの名前',
    labelHint: '例：2026年6月 区報特集号。職員が見分けるための名前で、相談する人には見えません。',
    submit: 'QRコードを作る',
    created: (label: string) => `「${label}」のQRコードを作りました。下の一覧にあります。`,
    missing: '行き先とチラシの名前を入れてください。',
    listSeparator: '・',
  },
  list: {
    heading: '作ったQRコード',
    none: 'まだありません。',
    target: '行き先',
    language: '言葉',
    created: '作った日',
    url: '読み取ると開くアドレス',
    retired: (date: string) => `使うのをやめました（${date}）。読み取るとトップページが開き、数えません。`,
    svg: 'SVGで保存（印刷会社・デザイン用）',
    png: 'PNGで保存（600dpi・Word用）',
    sheet: 'A4の印刷用シート',
    retire: '使うのをやめる',
    retireConfirm: (label: string) => `「${label}」のQRコードを使うのをやめますか。印刷したチラシを読み取ると、トップページが開き、数えなくなります。元には戻せません。`,
    retireYes: 'やめる',
    retireNo: 'やめない',
    retiredNow: (label: string) => `「${label}」を使うのをやめました。`,
    minSize: (mm: number) => `印刷するときは、${mm}mm 角より小さくしないでください（白い余白を含む）。`,
    qrAlt: (url: string) => `QRコード：${url}`,
  },
  funnel: {
    heading: 'チラシごとの数（週ごと）',
    lead: '読み取り → 申込画面を開いた → 送った、の順に数えます。数と相談の中身は結びつけていません。',
    from: 'いつから',
    to: 'いつまで',
    show: '表示する',
    csv: 'CSVで保存（Excel用）',
    none: 'この期間の数はまだありません。',
    week: '週',
    weekOf: (week: string) => week.replace(/^(\d{4})-W(\d{2})$/, '$1年 第$2週'),
    scan: '読み取り',
    formOpen: '申込画面を開いた',
    submitted: '送った',
    total: '合計',
    chartTitle: (label: string) => `「${label}」の週ごとの数`,
    unknown: '（名前のないコード）',
    fileName: (windowId: string, from: string, to: string) => `チラシ_${windowId}_${from}_${to}.csv`,
  },
  sheet: {
    back: 'チラシ用QRコードにもどる',
    print: '印刷する',
    size: 'QRコードの大きさ（mm）',
    sizeHint: (mm: number) => `${mm}mm より小さくはできません。小さすぎると、スマートフォンで読み取れません。`,
    notFound: 'このQRコードは見つかりません。',
  },
}

/** The printed sheet's words, in the flyer's language. */
export const sheetWords: Record<CampaignLanguage, { lead: string; scan: string; phone: string; weekdays: Record<string, string>; closed: string; range: (a: string, b: string) => string; separator: string }> = {
  ja: {
    lead: 'ひきこもりのことを、本人もご家族も相談できます。名前を言わなくても大丈夫です。',
    scan: 'スマートフォンで読み取るか、このアドレスを入れてください',
    phone: '電話',
    weekdays: { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' },
    closed: '祝日・年末年始は休み',
    range: (a, b) => `${a}〜${b}`,
    separator: '・',
  },
  'ja-easy': {
    lead: '{家|いえ}から{出|で}にくいことを、{本人|ほんにん}も{家族|かぞく}も{相談|そうだん}できます。{名前|なまえ}は いりません。',
    scan: 'スマートフォンで {読|よ}みとるか、この アドレスを {入|い}れてください',
    phone: '{電話|でんわ}',
    weekdays: { mon: '{月|げつ}', tue: '{火|か}', wed: '{水|すい}', thu: '{木|もく}', fri: '{金|きん}', sat: '{土|ど}', sun: '{日|にち}' },
    closed: '{祝日|しゅくじつ}と {年末年始|ねんまつねんし}は {休|やす}み',
    range: (a, b) => `${a}〜${b}`,
    separator: '・',
  },
  en: {
    lead: 'Anyone can talk to us about social withdrawal (hikikomori): the person or their family. You do not have to give your name.',
    scan: 'Scan with your phone, or type this address',
    phone: 'Phone',
    weekdays: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
    closed: 'Closed on public holidays and over the New Year',
    range: (a, b) => `${a}–${b}`,
    separator: ', ',
  },
}
