import text from './staff-text.ja.json'

/**
 * The staff pages' text. Staff are Japanese municipal workers, so these pages are in Japanese only;
 * the public side keeps its three languages (src/locales). `{{name}}` is filled from `vars`.
 */
export function st(key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), text)
  if (typeof value !== 'string') throw new Error(`Missing staff text: ${key}`)
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))
}

/** An API error key (or anything thrown) as a sentence for the staff member. */
export function errorText(error: unknown): string {
  const key = (error as { key?: unknown })?.key
  const errors = text.errors as Record<string, string>
  if (typeof key === 'string' && errors[key]) return errors[key]
  if ((error as { name?: unknown })?.name === 'NotAllowedError') return errors.passkeyCancelled ?? ''
  return errors.other ?? ''
}
