import { quickExit } from './quick-exit'
import { shiftThreeTimes } from './shift-three-times'
import type { WipePlan } from './wipe-device-data'

/** Marks the button that leaves the site (QuickExitButton); one listener on the document serves it. */
export const QUICK_EXIT_ATTRIBUTE = 'data-quick-exit'

/**
 * Quick exit without React: the entry installs it before the app is even downloaded, so on a page
 * the build pre-rendered the button and Shift×3 work from the first moment the page can be read,
 * not only once the app has started.
 */
export function installQuickExit(neutralUrl: string, plan: WipePlan): void {
  const leave = () => void quickExit(neutralUrl, plan)
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest(`[${QUICK_EXIT_ATTRIBUTE}]`)) leave()
  })
  document.addEventListener('keydown', shiftThreeTimes(leave))
}
