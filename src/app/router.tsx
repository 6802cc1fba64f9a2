import { lazy, type ComponentType } from 'react'
import { Route, Routes } from 'react-router'
import { loadNamespaces, NAMESPACES } from '@/lib/i18n'
import { AppLayout } from './layout/app-layout'
import { paths } from './paths'
import Home from './routes/home'

type RouteModule = { default: ComponentType }

/**
 * A route module loaded on first visit (React.lazy), together with the locale namespaces it reads,
 * so it never renders before its text is there; the layout shows the previous page meanwhile.
 * Without a list, every namespace is loaded (correct, only heavier).
 */
const page = (load: () => Promise<RouteModule>, namespaces: readonly string[] = NAMESPACES): ComponentType =>
  lazy(async () => (await Promise.all([load(), loadNamespaces(namespaces)]))[0])

export interface AppRoute {
  path: string
  Component: ComponentType
}

/** Every page of the app, each under the shared layout. `*` is the not-found page. */
export const routes: AppRoute[] = [
  { path: paths.home, Component: Home },
  { path: paths.hurdleWho, Component: page(() => import('./routes/hurdle-who'), ['guide']) },
  { path: paths.hurdleName, Component: page(() => import('./routes/hurdle-name'), ['guide']) },
  { path: paths.hurdleAfter, Component: page(() => import('./routes/hurdle-after'), ['guide']) },
  { path: paths.hurdleWait, Component: page(() => import('./routes/hurdle-wait'), ['guide']) },
  { path: paths.hurdleSecret, Component: page(() => import('./routes/hurdle-secret'), ['guide']) },
  { path: paths.next, Component: page(() => import('./routes/what-happens-next'), ['guide']) },
  { path: paths.family, Component: page(() => import('./routes/for-families'), ['guide']) },
  { path: paths.safety, Component: page(() => import('./routes/safety'), ['guide']) },
  { path: paths.book, Component: page(() => import('./routes/book')) },
  { path: paths.status, Component: page(() => import('./routes/status')) },
  { path: paths.windows, Component: page(() => import('./routes/windows'), ['windows']) },
  { path: paths.map, Component: page(() => import('./routes/map')) },
  { path: paths.mapPlace, Component: page(() => import('./routes/map-place')) },
  { path: paths.events, Component: page(() => import('./routes/events')) },
  { path: '*', Component: page(() => import('./routes/not-found'), []) },
]

/** The routes in declarative mode; wrap in a BrowserRouter (app) or a MemoryRouter (tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {routes.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
      </Route>
    </Routes>
  )
}
