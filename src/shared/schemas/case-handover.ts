import { z } from 'zod'
import { isoDateTime, windowId } from './common'

/** One hand-over of a case from window to window (migration 0008): routing fields only, never content. */
export const caseHandoverSchema = z.object({ fromWindowId: windowId, toWindowId: windowId, at: isoDateTime })
export type CaseHandover = z.infer<typeof caseHandoverSchema>
