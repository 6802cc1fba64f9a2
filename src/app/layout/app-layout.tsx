import { Suspense, useEffect, useRef } from 'react'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { appName } from 'virtual:shell-config'
import { OutboxIndicator } from '@/features/booking/components/outbox-indicator'
import { LanguageSwitcher } from '@/features/language/language-switcher'
import { QuickExitButton } from '@/features/quick-exit/quick-exit-button'
import { ReplyNoticeBanner } from '@/features/request-status/reply-notice-banner'
import { useText } from '@/lib/use-text'
import { UpdatePrompt } from '../pwa/update-prompt'
import { paths } from '../paths'
import styles from './app-layout.module.css'
import { RouteErrorBoundary } from './route-error'

export function AppLayout() {
  const text = useText('common')
  const location = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  // The path focus was last placed for: the first load keeps the browser's focus at the top (so the
  // skip link comes first), and running the effect twice (StrictMode) does not move it.
  const focusedPath = useRef(location.pathname)

  // Pages that load their data first (a place, the status) show their heading a moment later.
  const headingWatch = useRef<MutationObserver | null>(null)

  useEffect(() => {
    if (focusedPath.current === location.pathname) return
    focusedPath.current = location.pathname
    headingWatch.current?.disconnect()
    headingWatch.current = null
    window.scrollTo(0, 0)
    const main = mainRef.current
    if (!main) return
    // After client-side navigation, move focus to the new page so screen readers read it from the top,
    // unless the reader has already moved on to something else on the new page.
    const focusHeading = (late: boolean): boolean => {
      const active = document.activeElement
      if (late && active && active !== document.body && active.isConnected && main.contains(active)) return true
      const heading = main.querySelector('h1')
      if (!heading) return false
      heading.setAttribute('tabindex', '-1')
      heading.focus()
      return true
    }
    if (focusHeading(false)) return
    const watch = new MutationObserver(() => {
      if (focusHeading(true)) watch.disconnect()
    })
    watch.observe(main, { childList: true, subtree: true })
    headingWatch.current = watch
  }, [location.pathname])
  useEffect(() => () => headingWatch.current?.disconnect(), [])

  return (
    <div className={styles.page}>
      <a className={styles.skipLink} href="#main">
        {text.r('skipToContent')}
      </a>
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Link to={paths.home} className={styles.brand} aria-label={text.s('homeLink')}>
            {appName}
          </Link>
          <div className={styles.headerTools}>
            <LanguageSwitcher />
            <QuickExitButton />
          </div>
        </div>
      </header>
      <UpdatePrompt />
      <OutboxIndicator statusPath={paths.status} bookPath={paths.book} />
      <ReplyNoticeBanner statusPath={paths.status} className={styles.notice} />
      <main id="main" ref={mainRef} className={styles.main} tabIndex={-1}>
        <RouteErrorBoundary path={location.pathname}>
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className={styles.footer}>
        <nav aria-label={text.s('nav.label')}>
          <ul className={styles.footerLinks}>
            <li><NavLink to={paths.home}>{text.r('nav.home')}</NavLink></li>
            <li><NavLink to={paths.book}>{text.r('nav.book')}</NavLink></li>
            <li><NavLink to={paths.windows}>{text.r('nav.windows')}</NavLink></li>
            <li><NavLink to={paths.next}>{text.r('nav.next')}</NavLink></li>
            <li><NavLink to={paths.family}>{text.r('nav.family')}</NavLink></li>
            <li><NavLink to={paths.map}>{text.r('nav.map')}</NavLink></li>
            <li><NavLink to={paths.safety}>{text.r('nav.safety')}</NavLink></li>
          </ul>
        </nav>
        <p className={styles.footerNote}>{text.r('footer.privacy')}</p>
        <p className={styles.footerNote}>{text.r('footer.sourceNote')}</p>
      </footer>
    </div>
  )
}
