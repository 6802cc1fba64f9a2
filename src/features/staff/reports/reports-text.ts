/**
 * The words of the reports page. Staff pages are in Japanese only (public pages carry the three
 * locales); like DADS's messages.ts, they sit in one place the page reads, never in the markup.
 */
export const reportsText = {
  heading: '相談実績',
  lead: 'この端末で復号した案件から数えています。数は、サーバーには送りません。',
  yearLabel: '年度',
  yearSupport: '4月から翌年3月まで。相談の日付で数えます。',
  caseCount: (n: number) => `この端末にある案件：${n}件`,
  unreadable: (n: number) => `この端末の鍵では開けない案件が${n}件あります。その案件は数に入っていません。開ける同僚の端末で数えるか、鍵をかけ直してもらってください。`,
  definitionsSummary: '数え方',
  definitions: [
    '延べ相談：年度の中の日付の相談記録の数。電話・メール・来所など、1回の相談が1件です。',
    '新規相談：はじめての相談記録が、その年度の中にある案件の数。まだ相談していない予約は数えません。',
    '実相談人数：年度の中に相談記録が1つ以上ある案件の数（新規と継続）。',
    '相談者内訳：実相談人数のうち、申し込んだ人が本人・家族・その他（支援者など）の割合。四捨五入のため、足して100%にならないことがあります。',
    '初回相談の相談者：新規相談を、はじめての相談の手法と、申し込んだ人で分けた人数。「うち」の列は当事者・親の数に含まれます。配偶者・子・支援者は「そのほか」です。',
    '年代別：実相談人数を、当事者の年代で分けた数。60代以上は50代以上に、答えのないものは年齢不明に入れます。性別は聞いていないため、ありません。',
  ],
  tablesHeading: '表',
  exportHeading: 'CSV で保存',
  exportSupport: 'Excel で開けるファイル（UTF-8）です。',
  saveTables: '表を CSV で保存する',
  saveCases: '案件の一覧を CSV で保存する…',
  tablesSaved: '表の CSV を作りました。ブラウザの保存先を確かめてください。',
  casesSaved: '案件の CSV を作りました。使い終わったら、ファイルを消してください。',
  dialogHeading: '要配慮個人情報が入ったファイルです',
  dialogBody: [
    'この CSV には、相談した人の家族関係・年代・相談の記録など、要配慮個人情報が入ります。',
    '暗号化されないまま、このパソコンに保存されます。共有のフォルダー、メール、USB メモリーに置かないでください。使い終わったら消してください。',
  ],
  fieldsLegend: '入れる項目',
  fieldsSupport: 'ニックネームとメモは、必要なときだけ選んでください。',
  sensitiveHint: '人が特定されやすい項目です',
  noFields: '項目を1つ以上選んでください。',
  confirm: '注意を読みました。保存する',
  cancel: 'やめる',
  tablesFile: (year: string, windowName: string) => `相談実績_${year}_${windowName}.csv`,
  casesFile: (year: string, windowName: string) => `案件一覧_${year}_${windowName}.csv`,
  csvTitle: (windowName: string, year: string) => `${windowName}　${year}　相談実績`,
}
