import { config } from 'zod'

// Imported first, before any schema is built. The app's pages forbid eval (CSP), so in the app
// zod's probe finds it missing and every schema parses without its JIT; code put in through the
// DevTools protocol passes that probe and meets the CSP later. This takes the app's path.
config({ jitless: true })
