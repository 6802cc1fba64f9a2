/** The words staff see about retention (Japanese only, like every staff page). */
export const retentionText = {
  staleBadge: (days: number) => `${days}日以上手つかず`,
  staleNote: (days: number) => `この相談は${days}日以上、だれも返事・メモ・相談記録・状態の変更をしていません。連絡するか、状態を変えてください。`,
  openRule: (date: string, days: number) => `このまま${days}日やりとりがないと、${date}に消えます（返事や相談記録をつけると、その日から数え直します）。`,
  closedRule: (days: number) => `終了にした日から${days}日で消えます。`,
  cancelledRule: (days: number) => `キャンセルになった日から${days}日で消えます。`,
}
