import { wipeDeviceData, type WipePlan } from './wipe-device-data'

let leaving = false

/**
 * Leaves the site for a neutral page. `location.replace` keeps this page out of the Back button's
 * history for the current tab; the browser's history list still shows it (the safety page says so).
 */
export async function quickExit(neutralUrl: string, plan: WipePlan): Promise<void> {
  if (leaving) return
  leaving = true
  document.body.dataset.leaving = 'true'
  await wipeDeviceData(plan)
  // The reply notice's badge on the installed app's icon goes too (its database went with the rest).
  await (navigator as { clearAppBadge?: () => Promise<void> }).clearAppBadge?.().catch(() => undefined)
  location.replace(neutralUrl)
}
