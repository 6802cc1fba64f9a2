/**
 * The flyer campaign this visit came from (`?src=` on the first page, put there by /q/<code>), kept
 * in memory for the visit so that 「ニックネームで予約する」 on the flyer's page still counts for it.
 * Never stored, never sent with anything but the anonymous counts and the request's `campaign`.
 */
const CAMPAIGN = /^[a-z0-9-]{1,32}$/
let current: string | null = null

export function asCampaign(value: string | null): string | null {
  return value && CAMPAIGN.test(value) ? value : null
}

export function rememberCampaign(search: string): void {
  current = asCampaign(new URLSearchParams(search).get('src')) ?? current
}

export function currentCampaign(): string | null {
  return current
}
