const PRESSES = 3
const WITHIN_MS = 5000

/**
 * A keydown handler that calls `onTriggered` when Shift is pressed three times in a row within five
 * seconds (GOV.UK's "Exit this page" pattern). Any other key resets the count, so typing capitals
 * does not trigger it.
 */
export function shiftThreeTimes(onTriggered: () => void): (event: KeyboardEvent) => void {
  let presses: number[] = []
  return (event) => {
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
}
