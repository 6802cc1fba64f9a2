import { Hono } from 'hono'
import type { AppDeps } from '../deps'
import { authRoutes } from './auth-routes'
import { availabilityRoutes } from './availability-routes'
import { campaignStaffRoutes } from './campaign-staff-routes'
import { caseRoutes } from './case-routes'
import { memberRoutes } from './member-routes'
import { moveBookingRoutes } from './move-booking-routes'
import { newCaseRoutes } from './new-case-routes'
import { checkOrigin } from './origin'
import { requireStaff, type StaffEnv } from './require-staff'

/** Everything under /api/staff (README beside this file): joining and signing in, then the member's work. */
export function staffRoutes(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const signedIn = new Hono<StaffEnv>()
  signedIn.use(requireStaff(deps.getStore, now))
  signedIn.route('/', memberRoutes(deps))
  signedIn.route('/windows', caseRoutes(deps))
  signedIn.route('/windows', newCaseRoutes(deps))
  signedIn.route('/windows', moveBookingRoutes(deps))
  signedIn.route('/windows', campaignStaffRoutes(deps))
  signedIn.route('/windows', availabilityRoutes(deps))

  const staff = new Hono()
  staff.use(checkOrigin(deps))
  staff.route('/', authRoutes(deps))
  staff.route('/', signedIn)
  return staff
}
