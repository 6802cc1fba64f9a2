import type { z } from 'zod'
import { createApp } from '../../../src/server/app'
import { createCampaignBodySchema } from '../../../src/server/staff/campaign-staff-routes'
import { loadDeployment } from '../../../src/server/node'
import { mountStaticFiles } from '../../../src/server/static-files'
import { mountTileProxy } from '../../../src/server/tiles/tile-proxy'
import { modeAvailabilitySchema } from '../../../src/shared/schemas/availability'
import { cancelSlotsBodySchema, releaseBodySchema } from '../../../src/shared/schemas/availability'
import { consentBodySchema, handoverBodySchema, resealBodySchema } from '../../../src/shared/schemas/handover'
import { createRequestSchema, credentialsSchema, followUpSchema, metricEventSchema } from '../../../src/shared/schemas/requests'
import * as staff from '../../../src/shared/schemas/staff'
import { z as zod } from 'zod'

export type RouteKind = 'public' | 'staff' | 'auth' | 'site'

export interface RouteSpec {
  /** `METHOD /path` as Hono registers it; the label of the per-endpoint counts. */
  label: string
  method: 'GET' | 'POST'
  path: string
  kind: RouteKind
  /** The body's schema: a mutation it still accepts is a valid request, which the fuzzer never sends. */
  schema?: z.ZodType
  /** Succeeds whatever it is sent and changes nothing stored (or only what snapshots leave out). */
  readOnly?: boolean
  /** Acts on its path alone: with the real ids and a live session it is a real action, so its ids are always broken. */
  actsOnPath?: boolean
}

const post = (path: string, kind: RouteKind, more: Partial<RouteSpec> = {}): RouteSpec => ({ label: `POST ${path}`, method: 'POST', path, kind, ...more })
const get = (path: string, kind: RouteKind, more: Partial<RouteSpec> = {}): RouteSpec => ({ label: `GET ${path}`, method: 'GET', path, kind, readOnly: true, ...more })
const w = '/api/staff/windows/:windowId'
const c = `${w}/cases/:requestId`

/** Every route the Node server answers (checked against the app itself by uncoveredRoutes). */
export const ROUTES: RouteSpec[] = [
  get('/api/health', 'public'),
  get('/api/config', 'public'),
  get('/api/windows/:id/slots', 'public'),
  post('/api/requests/challenge', 'public', { readOnly: true }),
  post('/api/requests', 'public', { schema: createRequestSchema }),
  post('/api/requests/lookup', 'public', { schema: credentialsSchema }),
  post('/api/requests/cancel', 'public', { schema: credentialsSchema }),
  post('/api/requests/messages', 'public', { schema: followUpSchema }),
  post('/api/metrics', 'public', { schema: metricEventSchema }),
  // A live code's GET counts a scan: that is the link working, so the fuzzer breaks the code.
  get('/q/:code', 'site', { actsOnPath: true }),
  get('/tiles/:z/:x/:file', 'site'),
  get('/*', 'site'),
  post('/api/staff/invites/info', 'auth', { schema: zod.object({ token: staff.inviteTokenSchema }) }),
  post('/api/staff/invites/register-options', 'auth', { schema: staff.registerOptionsBodySchema }),
  post('/api/staff/invites/register', 'auth', { schema: staff.registerBodySchema }),
  // A new single-use WebAuthn challenge for anyone who asks: its rows are left out of the snapshots.
  post('/api/staff/login/options', 'auth', { readOnly: true }),
  post('/api/staff/login', 'auth', { schema: staff.loginBodySchema }),
  get('/api/staff/session', 'auth'),
  // Sent without the live session only: with it, logging out is what the route is for.
  post('/api/staff/logout', 'auth', { readOnly: true }),
  get('/api/staff/me', 'staff'),
  post('/api/staff/keys', 'staff', { schema: staff.registerStaffKeyBodySchema }),
  get(`${w}/members`, 'staff'),
  post(`${w}/keys/:keyId/certificate`, 'staff', { schema: staff.certifyBodySchema }),
  // The real member id is the administrator's own: revoking oneself is refused (409), nothing changes.
  post(`${w}/members/:memberId/revoke`, 'staff', { readOnly: true }),
  post(`${w}/invites`, 'staff', { schema: staff.inviteBodySchema }),
  get(`${w}/cases`, 'staff'),
  get(c, 'staff'),
  post(`${c}/replies`, 'staff', { schema: staff.replyBodySchema }),
  post(`${c}/notes`, 'staff', { schema: staff.noteBodySchema }),
  post(`${c}/contacts`, 'staff', { schema: staff.contactBodySchema }),
  post(`${c}/status`, 'staff', { schema: staff.statusBodySchema }),
  post(`${c}/video`, 'staff', { schema: staff.videoBodySchema }),
  post(`${c}/read`, 'staff', { actsOnPath: true }),
  post(`${w}/cases`, 'staff', { schema: staff.staffCreateCaseBodySchema }),
  post(`${c}/move`, 'staff', { schema: staff.moveBookingBodySchema }),
  get(`${w}/reseal-targets`, 'staff'),
  post(`${c}/consent`, 'staff', { schema: consentBodySchema }),
  post(`${c}/recipients`, 'staff', { schema: resealBodySchema }),
  post(`${c}/handover`, 'staff', { schema: handoverBodySchema }),
  get(`${w}/campaigns`, 'staff'),
  post(`${w}/campaigns`, 'staff', { schema: createCampaignBodySchema }),
  post(`${w}/campaigns/:code/retire`, 'staff', { actsOnPath: true }),
  get(`${w}/campaigns/funnel`, 'staff'),
  get(`${w}/audit`, 'staff'),
  get(`${w}/availability`, 'staff'),
  get(`${w}/availability/slots`, 'staff'),
  post(`${w}/availability/cancel`, 'staff', { schema: cancelSlotsBodySchema }),
  post(`${w}/availability/release`, 'staff', { schema: releaseBodySchema }),
  post(`${w}/availability/:mode`, 'staff', { schema: modeAvailabilitySchema }),
  post(`${c}/told`, 'staff', { actsOnPath: true }),
]

/**
 * Routes the app registers (createApp with the tile proxy and static files, as node.ts mounts them)
 * that ROUTES leaves out. Catch-all handlers (`ALL`) are reached by the wrong methods and paths.
 */
export function uncoveredRoutes(): string[] {
  const deployment = loadDeployment()
  const app = createApp({ deployment, getStore: () => { throw new Error('routes only') } })
  mountTileProxy(app, () => ({ source: 'https://tiles.invalid/{z}/{x}/{y}.png', maxZoom: 18, cache: null }))
  mountStaticFiles(app, '.')
  const covered = new Set(ROUTES.map((r) => r.label))
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter((label) => !covered.has(label))
}
