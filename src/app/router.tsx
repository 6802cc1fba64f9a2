import { createElement, lazy, Suspense, type ComponentType } from 'react'
import { matchPath, Route, Routes } from 'react-router'
import { loadNamespaces, NAMESPACES } from '@/lib/i18n'
import { AppLayout } from './layout/app-layout'
import { paths } from './paths'
import Home from './routes/home'

type RouteModule = { default: ComponentType }

const routeModules = import.meta.glob<RouteModule>(['./routes/*.tsx', '!./routes/home.tsx'])

export interface AppRoute {
  path: string
  Component: ComponentType
  /** Loads the page's code and text; the page then renders without suspending (hydration needs that). */
  preload: () => Promise<unknown>
  /** The route module's source path, so the build can link its chunk and CSS from pre-rendered HTML. */
  module?: string
  namespaces: readonly string[]
}

/**
 * A route module loaded on first visit, together with the locale namespaces it reads, so it never
 * renders before its text is there; the layout shows the previous page meanwhile. Without a list,
 * every namespace is loaded (correct, only heavier).
 */
function page(name: string, namespaces: readonly string[] = NAMESPACES): Omit<AppRoute, 'path'> {
  const module = `./routes/${name}.tsx`
  const load = routeModules[module]
  if (!load) throw new Error(`No route module ${module}`)
  let loaded: ComponentType | undefined
  let loading: Promise<RouteModule> | undefined
  const preload = () =>
    (loading ??= Promise.all([load(), loadNamespaces(namespaces)]).then(([routeModule]) => {
      loaded = routeModule.default
      return routeModule
    }))
  const Lazy = lazy(preload)
  // Once loaded, render the page itself: React.lazy would still suspend once on its first render.
  const Component = () => createElement(loaded ?? Lazy)
  return { Component, preload, module: `src/app/routes/${name}.tsx`, namespaces }
}

const home: Omit<AppRoute, 'path'> = { Component: Home, preload: () => loadNamespaces(['home']), namespaces: ['home'] }

/** Every page of the app, each under the shared layout. `*` is the not-found page. */
export const routes: AppRoute[] = [
  { path: paths.home, ...home },
  { path: paths.hurdleWho, ...page('hurdle-who', ['guide']) },
  { path: paths.hurdleName, ...page('hurdle-name', ['guide']) },
  { path: paths.hurdleAfter, ...page('hurdle-after', ['guide']) },
  { path: paths.hurdleWait, ...page('hurdle-wait', ['guide']) },
  { path: paths.hurdleSecret, ...page('hurdle-secret', ['guide']) },
  { path: paths.next, ...page('what-happens-next', ['guide']) },
  { path: paths.family, ...page('for-families', ['guide']) },
  { path: paths.safety, ...page('safety', ['guide']) },
  { path: paths.book, ...page('book') },
  { path: paths.status, ...page('status') },
  { path: paths.call, ...page('call', ['call']) },
  { path: paths.windows, ...page('windows', ['windows']) },
  { path: paths.map, ...page('map') },
  { path: paths.mapPlace, ...page('map-place') },
  { path: paths.events, ...page('events') },
  { path: '*', ...page('not-found', ['not-found']) },
]

/** The route that `pathname` shows (the not-found page when none matches). */
export function routeFor(pathname: string): AppRoute {
  return routes.find((route) => route.path !== '*' && matchPath(route.path, pathname)) ?? (routes.at(-1) as AppRoute)
}

/** The staff side: its own chunk, loaded only under /staff, outside the public layout (no quick exit, no language switch). */
const StaffRoot = lazy(() => import('./routes/staff/staff-root'))

/** The routes in declarative mode; wrap in a BrowserRouter (app), a StaticRouter (build) or a MemoryRouter (tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/staff/*"
        element={
          <Suspense fallback={null}>
            <StaffRoot />
          </Suspense>
        }
      />
      <Route element={<AppLayout />}>
        {routes.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
      </Route>
    </Routes>
  )
}
