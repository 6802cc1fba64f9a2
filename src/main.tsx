import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@digital-go-jp/design-tokens/dist/tokens.css'
import './styles/global.css'
import { App } from './app/app'
import { initI18n, INITIAL_NAMESPACES } from './lib/i18n'
import { readLanguage } from './lib/preferences'

await initI18n(readLanguage() ?? 'ja', INITIAL_NAMESPACES)
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
