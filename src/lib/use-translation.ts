import i18next from 'i18next'
import { useSyncExternalStore } from 'react'

type Options = Record<string, unknown>

let version = 0
const listeners = new Set<() => void>()
let boundStore: unknown = null

function changed(): void {
  version++
  for (const listener of listeners) listener()
}

/**
 * i18next tells us when the language changes (`languageChanged`) and when a namespace arrives
 * (`added` on its store, e.g. a route's text loaded on demand). The store exists from `init()` on,
 * so bind lazily, and again if init made a new one.
 */
function bindToI18next(): void {
  if (boundStore === i18next.store) return
  if (boundStore === null) i18next.on('languageChanged', changed)
  boundStore = i18next.store
  i18next.store?.on('added', changed)
  i18next.store?.on('removed', changed)
}

function subscribe(listener: () => void): () => void {
  bindToI18next()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const snapshot = () => version

/** Re-renders the caller whenever the language or the loaded text changes. */
export function useI18nVersion(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}

export interface Translation {
  /** i18next's `t` with `namespace` as default (`'other:key'` reaches another namespace). */
  t: (key: string, options?: Options) => unknown
  i18n: typeof i18next
}

/**
 * The small part of react-i18next's `useTranslation` this app uses, without shipping react-i18next:
 * `const { t, i18n } = useTranslation('guide')`. Missing keys still throw outside production
 * (lib/i18n.ts's missingKeyHandler runs inside i18next's `t`).
 */
export function useTranslation(namespace: string): Translation {
  useI18nVersion()
  return {
    t: (key, options) => i18next.t(key, { ...options, ns: namespace }),
    i18n: i18next,
  }
}
