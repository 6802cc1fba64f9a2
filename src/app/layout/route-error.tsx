import { Component, type ReactNode } from 'react'
import { useText } from '@/lib/use-text'

function RouteErrorMessage() {
  const text = useText('common')
  return (
    <div role="alert">
      <h1>{text.r('error.title')}</h1>
      <p>{text.r('error.body')}</p>
      <button type="button" onClick={() => location.reload()}>
        {text.r('error.reload')}
      </button>
    </div>
  )
}

interface Props {
  /** The page's path: a new one clears the error. */
  path: string
  children: ReactNode
}

interface State {
  failedPath: string | null
}

/**
 * Catches a page that throws while rendering or fails to load (e.g. a chunk missing offline), so
 * the header with the quick-exit button stays usable. Not keyed by path: a remount would also
 * remount the Suspense inside, which would then show its empty fallback instead of keeping the
 * previous page during the navigation (and the layout would focus a heading not there yet).
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failedPath: null }

  static getDerivedStateFromError(): Partial<State> {
    return { failedPath: '' }
  }

  override componentDidCatch(): void {
    this.setState({ failedPath: this.props.path })
  }

  override render() {
    const { failedPath } = this.state
    const failed = failedPath === '' || failedPath === this.props.path
    return failed ? <RouteErrorMessage /> : this.props.children
  }
}
