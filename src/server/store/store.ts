import type { ConsultationMode } from '../../shared/schemas/common'
import type { RecipientKey } from '../../shared/schemas/envelope'
import type { Slot } from '../../shared/schemas/requests'
import type { SqlDriver } from './sql-driver'
import { createAbuseStore } from './abuse-store'
import { createAuditStore, type AuditStore } from './audit-store'
import { createKeyStore } from './key-store'
import { createMetricStore } from './metric-store'
import { createRequestStore } from './request-store'
import { createSlotStore } from './slot-store'
import { createCampaignStore, type CampaignStore } from '../campaigns/campaign-store'
import { createAvailabilityStore, type AvailabilityStore } from '../staff/availability-store'
import { createCaseStore, type CaseStore } from '../staff/case-store'
import { createMoveBookingStore, type MoveBookingStore } from '../staff/move-booking-store'
import { createStaffStore, type StaffStore } from '../staff/staff-store'
import { createHandoverStore, type HandoverStore } from '../staff/handover-store'
import type { CaseStatus } from '../../shared/schemas/case-status'
import type { RetentionCutoffs } from '../../shared/schemas/retention'
import type { SlotCancelReason } from '../../shared/schemas/requests'

/** The stored routing status: set on booking and cancel; what the person sees is publicStatusOf(case_status). */
export type RequestStatus = 'waiting' | 'booked' | 'done' | 'cancelled'

export interface NewRequest {
  requestId: string
  windowId: string
  mode: ConsultationMode
  slotId: string | null
  lookupId: string
  authHash: string
  envelope: string
  bodyHash: string
  firstResponse: string
  createdAt: string
  deleteAfter: string
  /**
   * Without a slot: the window's daily quota, checked by the INSERT itself against the count of
   * migration 0014 (exact under concurrent bookings, no read before); 'windowFull' when reached.
   */
  windowQuota?: number | null
}

export interface StoredRequest {
  requestId: string
  windowId: string
  mode: ConsultationMode
  slotId: string | null
  authHash: string
  status: RequestStatus
  caseStatus: CaseStatus
  /** The sealed video link (JSON text of a reply envelope), opened only with the receipt. */
  video: string | null
  /** The deletion date promised when the request was made; /status shows deletionDate() of the two below. */
  deleteAfter: string
  statusAt: string
  updatedAt: string
  /** Set when staff took the booked time away (src/server/staff/availability-store.ts). */
  slotNotice: { reason: SlotCancelReason; start: string } | null
}

export interface StoredMessage {
  id: string
  from: 'staff' | 'person'
  sentAt: string
  envelope: string
}

export interface WindowKeyRow extends RecipientKey {
  windowId: string
  createdAt: string
}

export type CreateOutcome = 'created' | 'slotTaken' | 'duplicate' | 'windowFull'

export interface Store {
  staffKeys(): Promise<WindowKeyRow[]>
  addWindowKey(key: WindowKeyRow): Promise<void>
  insertSlots(slots: Slot[]): Promise<number>
  getSlot(id: string): Promise<(Slot & { booked: boolean }) | null>
  openSlots(windowId: string, from: string, to: string, mode?: ConsultationMode, limit?: number): Promise<Slot[]>
  /** The stored idempotency record of a request id, if any. */
  requestReplay(requestId: string): Promise<{ bodyHash: string; firstResponse: string } | null>
  /** Inserts the request and, when it names a slot, books that slot in the same transaction. */
  createRequest(request: NewRequest): Promise<CreateOutcome>
  findByLookup(lookupId: string): Promise<StoredRequest | null>
  messages(requestId: string): Promise<StoredMessage[]>
  addMessage(requestId: string, message: StoredMessage, touchedAt: string, deleteAfter: string): Promise<void>
  cancel(requestId: string, at: string): Promise<void>
  countMetric(campaign: string, event: string, day: string): Promise<void>
  /** QR campaigns and their anonymous counts (src/server/campaigns/). */
  readonly campaigns: CampaignStore
  /** Staff members, passkeys, sessions, invites and staff keys (src/server/staff/). */
  readonly staff: StaffStore
  /** What staff did, without content. */
  readonly audit: AuditStore
  /** The window's requests as staff see them (src/server/staff/). */
  readonly cases: CaseStore
  /** Moving a case's booking to another open slot, in one transaction (src/server/staff/). */
  readonly moves: MoveBookingStore
  /** Consent records, re-seal and hand-over of cases (src/server/staff/). */
  readonly handover: HandoverStore
  /** Availability staff saved, slot regeneration, cancelled slots and released bookings. */
  readonly availability: AvailabilityStore
  /** Deletes the requests the retention rules have made due, with everything they hold; returns how many. */
  purgeExpired(cutoffs: RetentionCutoffs): Promise<number>
  /** Records a proof-of-work challenge as used; false when it already was (a replay). */
  useChallenge(signature: string, expiresAt: string): Promise<boolean>
  purgeUsedChallenges(now: string): Promise<number>
  /** Requests stored for the window on the Tokyo day of `at` (each counted when inserted, see migration 0014). */
  requestsToday(windowId: string, at: Date): Promise<number>
}

/**
 * The store, split by what it holds behind the one SQL seam (libsql on Node, D1 on Workers): keys,
 * slots, requests, metrics here; campaigns, staff and sessions, cases and the audit log beside their routes.
 */
export function createSqlStore(db: SqlDriver): Store {
  return {
    ...createKeyStore(db),
    ...createSlotStore(db),
    ...createRequestStore(db),
    ...createMetricStore(db),
    ...createAbuseStore(db),
    campaigns: createCampaignStore(db),
    staff: createStaffStore(db),
    audit: createAuditStore(db),
    cases: createCaseStore(db),
    moves: createMoveBookingStore(db),
    handover: createHandoverStore(db),
    availability: createAvailabilityStore(db),
  }
}
