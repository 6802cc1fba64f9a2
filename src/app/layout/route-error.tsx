import { useText } from '@/lib/use-text'

export function RouteError() {
  const text = useText('common')
  return (
    <main id="main" style={{ padding: 16 }}>
      <h1>{text.r('error.title')}</h1>
      <p>{text.r('error.body')}</p>
      <button type="button" onClick={() => location.reload()}>
        {text.r('error.reload')}
      </button>
    </main>
  )
}
