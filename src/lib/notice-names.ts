/**
 * The opt-in reply notice (「この端末で返事を知らせる」). Its database holds only the lookup
 * credentials derived from a receipt, never the receipt; quick exit deletes it, and so does
 * turning the notice off for the last booking.
 */
export const NOTICE_DB_NAME = 'tsunagu-notice'
/** The Periodic Background Sync tag of the installed app. */
export const NOTICE_SYNC_TAG = 'tsunagu-notice'
/** Neutral on purpose: it says nothing about consultation to someone glancing at the screen. */
export const NOTICE_TEXT = '新しいお知らせがあります'

export async function noticeMayBeOn(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false
  try {
    return (await indexedDB.databases()).some((database) => database.name === NOTICE_DB_NAME)
  } catch {
    return false
  }
}
