import './helpers/node-realm-buffers'
import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeAll } from 'vitest'
import { initI18n } from '@/lib/i18n'

const hasDom = typeof document !== 'undefined'

// jsdom has no canvas: getContext answers null, as a browser may, instead of logging "Not implemented".
// What the map's canvas draws is checked in Chromium (tests/browser/map-tiles.test.ts).
if (hasDom) HTMLCanvasElement.prototype.getContext = () => null

beforeAll(async () => {
  // lib/i18n throws on a missing key outside production, so a test rendering one fails.
  if (hasDom) await initI18n('ja')
})

afterEach(() => {
  if (!hasDom) return
  cleanup()
  localStorage.clear()
  sessionStorage.clear()
})
