import { fetchPublicConfig } from '@/lib/api'
import { windowRecipients } from '@/lib/window-recipients'

/** The window's readers by the same rule as the public form: certified against the pinned key, plus recovery. */
export async function openWindowRecipients(windowId: string) {
  const recipients = await windowRecipients(await fetchPublicConfig(), windowId)
  if (recipients.length === 0) throw Object.assign(new Error('no recipients'), { key: 'errors.validation' })
  return recipients
}
