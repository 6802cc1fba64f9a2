import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { useRouterBase, withoutBase } from '@/lib/router-base'

/** Where the person tried to go: a link inside the app, or one step back in the browser's history. */
type Attempt = { kind: 'link'; to: string } | { kind: 'back' }

const GUARD_STATE = 'tsunagu.leaveGuard'

function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && GUARD_STATE in state
}

function appLinkTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null
  const anchor = (event.target as Element | null)?.closest?.('a[href]')
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return null
  const url = new URL(anchor.href)
  if (url.origin !== location.origin || url.pathname === location.pathname) return null
  return url.pathname + url.search + url.hash
}

/**
 * Holds the person on a page until they confirm leaving, because the receipt code cannot be shown
 * again. While `active`: a link to another page of the app, the browser's back button and closing or
 * reloading the tab all ask first. Works with the declarative router (no data-router blocker):
 * links are caught before the router sees the click, and back is caught by one extra history entry
 * on top of this page, so "back" lands on the same page and the question can be asked.
 */
export function useLeaveGuard(active: boolean) {
  const navigate = useNavigate()
  const base = useRouterBase()
  const [attempt, setAttempt] = useState<Attempt | null>(null)
  const leaving = useRef(false)

  useEffect(() => {
    if (!active) return
    if (!isGuardEntry(history.state)) history.pushState({ ...history.state, [GUARD_STATE]: true }, '', location.href)

    const onClick = (event: MouseEvent) => {
      const to = appLinkTarget(event)
      if (to === null) return
      event.preventDefault()
      event.stopPropagation()
      setAttempt({ kind: 'link', to })
    }
    const onPopState = (event: PopStateEvent) => {
      if (!isGuardEntry(event.state)) setAttempt({ kind: 'back' })
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault()
    }

    // Capture phase on the document: runs before React's own listener on the root, i.e. before <Link>.
    document.addEventListener('click', onClick, true)
    window.addEventListener('popstate', onPopState)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('click', onClick, true)
      window.removeEventListener('popstate', onPopState)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [active])

  /** Goes to `to` inside the app; replacing drops the guard entry, so "back" from there does not stop here again. */
  const go = (to: string) => navigate(withoutBase(base, to), { replace: isGuardEntry(history.state) })

  return {
    attempt,
    go,
    stay() {
      if (attempt?.kind === 'back') history.pushState({ ...history.state, [GUARD_STATE]: true }, '', location.href)
      setAttempt(null)
    },
    proceed() {
      setAttempt(null)
      if (!attempt) return
      leaving.current = true
      if (attempt.kind === 'back') history.back()
      else go(attempt.to)
    },
  }
}
