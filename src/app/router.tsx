import { createBrowserRouter, type RouteObject } from 'react-router'
import { AppLayout } from './layout/app-layout'
import { RouteError } from './layout/route-error'
import { paths } from './paths'
import Home from './routes/home'

type RouteModule = { default: React.ComponentType }
const page = (load: () => Promise<RouteModule>): RouteObject['lazy'] => async () => ({ Component: (await load()).default })

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { path: paths.home, element: <Home /> },
      { path: paths.hurdleWho, lazy: page(() => import('./routes/hurdle-who')) },
      { path: paths.hurdleName, lazy: page(() => import('./routes/hurdle-name')) },
      { path: paths.hurdleAfter, lazy: page(() => import('./routes/hurdle-after')) },
      { path: paths.hurdleWait, lazy: page(() => import('./routes/hurdle-wait')) },
      { path: paths.hurdleSecret, lazy: page(() => import('./routes/hurdle-secret')) },
      { path: paths.next, lazy: page(() => import('./routes/what-happens-next')) },
      { path: paths.family, lazy: page(() => import('./routes/for-families')) },
      { path: paths.safety, lazy: page(() => import('./routes/safety')) },
      { path: paths.book, lazy: page(() => import('./routes/book')) },
      { path: paths.status, lazy: page(() => import('./routes/status')) },
      { path: paths.windows, lazy: page(() => import('./routes/windows')) },
      { path: paths.map, lazy: page(() => import('./routes/map')) },
      { path: paths.mapPlace, lazy: page(() => import('./routes/map-place')) },
      { path: paths.events, lazy: page(() => import('./routes/events')) },
      { path: '*', lazy: page(() => import('./routes/not-found')) },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
