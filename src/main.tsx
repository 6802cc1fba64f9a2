import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@digital-go-jp/design-tokens/dist/tokens.css'
import './styles/global.css'
import { App } from './app/app'
import { initI18n } from './lib/i18n'

await initI18n()
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
