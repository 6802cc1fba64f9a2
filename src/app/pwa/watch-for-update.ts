/** Where vite-plugin-pwa writes the service worker (its default `filename` and `scope`). */
const SERVICE_WORKER_URL = '/sw.js'
const SCOPE = '/'

/**
 * Registers the service worker, so the app works offline from the next visit, and calls
 * `onWaiting` when a new version has installed and waits for the person's consent (a page the
 * worker already controls: the first install takes over by itself, see clientsClaim in
 * src/service-worker/sw.ts).
 * Registering needs no library; returns a function that stops the calls.
 */
export function watchForUpdate(onWaiting: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined
  let watching = true
  const waiting = () => {
    if (watching && navigator.serviceWorker.controller) onWaiting()
  }
  navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { scope: SCOPE })
    .then((registration) => {
      if (registration.waiting) waiting()
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') waiting()
        })
      })
    })
    .catch(() => undefined)
  return () => {
    watching = false
  }
}
