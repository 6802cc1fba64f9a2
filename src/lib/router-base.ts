import { useHref } from 'react-router'

/**
 * The router's base: the URL's language prefix (`/en`, `/easy`, or '' for Japanese; app/app.tsx).
 * `<Link>` and `navigate` add it themselves; code that reads or writes a plain `href` uses these.
 */
export function useRouterBase(): string {
  const home = useHref('/')
  return home === '/' ? '' : home
}

/** `/book` under `/en` is `/en/book`; `/` is `/en`; `/?src=a` is `/en?src=a`. */
export function withBase(base: string, path: string): string {
  if (!base) return path
  return path === '/' || path.startsWith('/?') || path.startsWith('/#') ? base + path.slice(1) : base + path
}

/** A link's address (`/en/book?x=1`) as a path inside the router (`/book?x=1`). */
export function withoutBase(base: string, href: string): string {
  if (!base || !href.startsWith(base)) return href
  const rest = href.slice(base.length)
  if (rest !== '' && !/^[/?#]/.test(rest)) return href
  return rest.startsWith('/') ? rest : `/${rest}`
}
