import { useEffect, type ReactNode } from 'react'
import { Link } from 'react-router'
import { newCaseText } from './new-case/new-case-text'
import { availabilityText } from './availability/availability-text'
import styles from './staff.module.css'
import { useStaffSession } from './staff-session'
import { st } from './staff-text'

/** Staff pages' frame: not indexed, its own title, a plain header; no public navigation, no quick exit. */
export function StaffShell({ title, children }: { title: string; children: ReactNode }) {
  const { me, signOut } = useStaffSession()
  useEffect(() => {
    document.title = `${title} | ${st('siteTitle')}`
  }, [title])
  useEffect(() => {
    const meta = document.createElement('meta')
    meta.name = 'robots'
    meta.content = 'noindex, nofollow'
    document.head.append(meta)
    return () => meta.remove()
  }, [])
  const adminOf = me?.windows.find((w) => w.role === 'admin')
  return (
    <div className={styles.shell}>
      <a className="visually-hidden" href="#staff-main">
        {st('skip')}
      </a>
      <header className={styles.header}>
        <p className={styles.siteTitle}>{st('siteTitle')}</p>
        {me ? (
          <nav className={styles.nav} aria-label={st('siteTitle')}>
            <Link to="/staff">{st('nav.inbox')}</Link>
            {me.windows.map((w) => (
              <Link key={w.windowId} to={`/staff/reports/${w.windowId}`}>
                {me.windows.length > 1 ? st('nav.reportsOf', { window: w.windowId }) : st('nav.reports')}
              </Link>
            ))}
            {me.windows.map((w) => (
              <Link key={`new-${w.windowId}`} to={`/staff/new/${w.windowId}`}>
                {me.windows.length > 1 ? newCaseText.navLinkOf(w.windowId) : newCaseText.navLink}
              </Link>
            ))}
            {me.windows.map((w) => (
              <Link key={`campaigns-${w.windowId}`} to={`/staff/campaigns/${w.windowId}`}>
                {me.windows.length > 1 ? st('nav.campaignsOf', { window: w.windowId }) : st('nav.campaigns')}
              </Link>
            ))}
            {me.windows.map((w) => (
              <Link key={`availability-${w.windowId}`} to={`/staff/availability/${w.windowId}`}>
                {me.windows.length > 1 ? `${availabilityText.nav}（${w.windowId}）` : availabilityText.nav}
              </Link>
            ))}
            {adminOf ? <Link to={`/staff/admin/${adminOf.windowId}`}>{st('nav.admin')}</Link> : null}
            <span>{me.member.displayName}</span>
            <button type="button" className={styles.secondary} onClick={() => void signOut()}>
              {st('nav.signOut')}
            </button>
          </nav>
        ) : null}
      </header>
      <main id="staff-main">{children}</main>
    </div>
  )
}
