import { COUNTS_DB_NAME } from '@/lib/count-names'
import { NOTICE_DB_NAME } from '@/lib/notice-names'
import { DRAFTS_DB_NAME, isUndeliveredEnvelope, OUTBOX_DB_NAME, OUTBOX_STORE } from '@/lib/outbox-names'
import type { WipePlan } from './wipe-device-data'

/**
 * What quick exit deletes. The outbox keeps only undelivered envelopes (DESIGN §4, "Outbox"); a
 * staff member's keys (`tsunagu-staff`, on a staff PC that also opened a public page) are not the
 * visitor's and stay. `known` names every database the public side writes, for browsers that cannot list them
 * (there Dexie keeps its own list of the databases it opened, `__dbnames`, itself a trace).
 */
export const WIPE_PLAN: WipePlan = {
  keep: ['tsunagu-staff'],
  known: [DRAFTS_DB_NAME, COUNTS_DB_NAME, NOTICE_DB_NAME, 'workbox-expiration', '__dbnames'],
  prune: { name: OUTBOX_DB_NAME, store: OUTBOX_STORE, keepRecord: isUndeliveredEnvelope },
}
