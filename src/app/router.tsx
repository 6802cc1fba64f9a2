import { lazy, type ComponentType } from 'react'
import { Route, Routes } from 'react-router'
import { AppLayout } from './layout/app-layout'
import { paths } from './paths'
import Home from './routes/home'

type RouteModule = { default: ComponentType }

/** A route module loaded on first visit (React.lazy); the layout shows the previous page meanwhile. */
const page = (load: () => Promise<RouteModule>): ComponentType => lazy(load)

export interface AppRoute {
  path: string
  Component: ComponentType
}

/** Every page of the app, each under the shared layout. `*` is the not-found page. */
export const routes: AppRoute[] = [
  { path: paths.home, Component: Home },
  { path: paths.hurdleWho, Component: page(() => import('./routes/hurdle-who')) },
  { path: paths.hurdleName, Component: page(() => import('./routes/hurdle-name')) },
  { path: paths.hurdleAfter, Component: page(() => import('./routes/hurdle-after')) },
  { path: paths.hurdleWait, Component: page(() => import('./routes/hurdle-wait')) },
  { path: paths.hurdleSecret, Component: page(() => import('./routes/hurdle-secret')) },
  { path: paths.next, Component: page(() => import('./routes/what-happens-next')) },
  { path: paths.family, Component: page(() => import('./routes/for-families')) },
  { path: paths.safety, Component: page(() => import('./routes/safety')) },
  { path: paths.book, Component: page(() => import('./routes/book')) },
  { path: paths.status, Component: page(() => import('./routes/status')) },
  { path: paths.windows, Component: page(() => import('./routes/windows')) },
  { path: paths.map, Component: page(() => import('./routes/map')) },
  { path: paths.mapPlace, Component: page(() => import('./routes/map-place')) },
  { path: paths.events, Component: page(() => import('./routes/events')) },
  { path: '*', Component: page(() => import('./routes/not-found')) },
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
