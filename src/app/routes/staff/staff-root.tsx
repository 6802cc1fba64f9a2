import { Navigate, Route, Routes, useParams } from 'react-router'
import { MembersPage } from '@/features/staff/admin/members-page'
import { JoinPage } from '@/features/staff/auth/join-page'
import { AvailabilityPage } from '@/features/staff/availability/availability-page'
import { SignInPage } from '@/features/staff/auth/sign-in-page'
import { CampaignsPage, FlyerSheetPage } from '@/features/staff/campaigns/campaigns-page'
import { CasePage } from '@/features/staff/case/case-page'
import { InboxPage } from '@/features/staff/inbox/inbox-page'
import { NewCasePage } from '@/features/staff/new-case/new-case-page'
import { ReportsRoute } from '@/features/staff/reports/reports-route'
import { StaffGate } from '@/features/staff/staff-app'
import { StaffSessionProvider } from '@/features/staff/staff-session'

function CaseRoute() {
  const { windowId = '', requestId = '' } = useParams()
  return <CasePage key={requestId} windowId={windowId} requestId={requestId} />
}

function MembersRoute() {
  const { windowId = '' } = useParams()
  return <MembersPage key={windowId} windowId={windowId} />
}

function NewCaseRoute() {
  const { windowId = '' } = useParams()
  return <NewCasePage key={windowId} windowId={windowId} />
}

function ReportsWindowRoute() {
  const { windowId = '' } = useParams()
  return <ReportsRoute key={windowId} windowId={windowId} />
}

function CampaignsRoute() {
  const { windowId = '' } = useParams()
  return <CampaignsPage key={windowId} windowId={windowId} />
}

function FlyerSheetRoute() {
  const { windowId = '', code = '' } = useParams()
  return <FlyerSheetPage key={`${windowId}/${code}`} windowId={windowId} code={code} />
}

function AvailabilityRoute() {
  const { windowId = '' } = useParams()
  return <AvailabilityPage key={windowId} windowId={windowId} />
}

/** /staff/*: the staff side, loaded only here (never with the public pages), not indexed, Japanese. */
export default function StaffRoot() {
  return (
    <StaffSessionProvider>
      <StaffGate
        signedOut={
          <Routes>
            <Route path="join" element={<JoinPage />} />
            <Route path="*" element={<SignInPage />} />
          </Routes>
        }
      >
        {(keys) => (
          <Routes>
            <Route index element={<InboxPage keys={keys} />} />
            <Route path="cases/:windowId/:requestId" element={<CaseRoute />} />
            <Route path="admin/:windowId" element={<MembersRoute />} />
            <Route path="reports/:windowId" element={<ReportsWindowRoute />} />
            <Route path="new/:windowId" element={<NewCaseRoute />} />
            <Route path="campaigns/:windowId" element={<CampaignsRoute />} />
            <Route path="campaigns/:windowId/sheet/:code" element={<FlyerSheetRoute />} />
            <Route path="availability/:windowId" element={<AvailabilityRoute />} />
            <Route path="*" element={<Navigate to="/staff" replace />} />
          </Routes>
        )}
      </StaffGate>
    </StaffSessionProvider>
  )
}
