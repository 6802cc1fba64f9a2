import { useEffect } from 'react'

const PRESSES = 3
const WITHIN_MS = 5000

/**
 * Calls `onTriggered` when Shift is pressed three times in a row within five seconds (GOV.UK's
 * "Exit this page" pattern). Any other key resets the count, so typing capitals does not trigger it.
 */
export function useShiftThreeTimes(onTriggered: () => void): void {
  useEffect(() => {
    let presses: number[] = []
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Shift') {
        presses = []
        return
      }
      if (event.repeat) return
      const now = event.timeStamp
      presses = [...presses.filter((t) => now - t < WITHIN_MS), now]
      if (presses.length >= PRESSES) {
        presses = []
        onTriggered()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onTriggered])
}
