import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { holidayDatesFrom } from '../shared/hours/holiday-dates.ts'
import { encodeHolidays } from '../shared/hours/holiday-table.ts'
import type { Deployment } from '../shared/schemas/deployment.ts'

function virtualModule(id: string, code: () => string): Plugin {
  return {
    name: `tsunagu:${id}`,
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (loadedId) => (loadedId === `\0${id}` ? code() : undefined),
  }
}

/** Ships only the holiday dates from last year on, instead of the package's 230 kB table since 1970. */
export function jpHolidays(): Plugin {
  return virtualModule('virtual:jp-holidays', () => {
    const table = encodeHolidays(holidayDatesFrom(new Date().getFullYear() - 1))
    const decoder = fileURLToPath(new URL('../shared/hours/holiday-table.ts', import.meta.url))
    return `import { decodeHolidays } from ${JSON.stringify(decoder)}\nexport const holidayDates = decodeHolidays(${JSON.stringify(table)})`
  })
}

/**
 * What every page reads from the deployment: the app's name, the quick-exit address and the
 * default window's phone line. The rest (other windows, recovery keys, slot rules) is read only by
 * pages loaded later, through lib/deployment.ts.
 */
export function shellConfig(deployment: Deployment): Plugin {
  return virtualModule('virtual:shell-config', () => {
    const window = deployment.windows.find((w) => w.id === deployment.defaultWindowId) ?? deployment.windows[0]
    if (!window) throw new Error('deployment.json: no window')
    const { id, name, phone, phoneHours, closed } = window
    return [
      `export const appName = ${JSON.stringify(deployment.appName)}`,
      `export const quickExitUrl = ${JSON.stringify(deployment.quickExitUrl)}`,
      `export const defaultWindow = ${JSON.stringify({ id, name, phone, phoneHours, closed })}`,
    ].join('\n')
  })
}
