import { useState } from 'react'

/** Stand-in for `virtual:pwa-register/react`, which only exists inside a Vite build. */
export function useRegisterSW() {
  return {
    needRefresh: useState(false),
    offlineReady: useState(false),
    updateServiceWorker: async () => {},
  }
}
