import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { configDefaults } from 'vitest/config'
import { prerenderedUrls } from './src/app/paths.ts'
import { jpHolidays, shellConfig } from './src/build/client-data.ts'
import { usedDesignTokens } from './src/build/design-tokens.ts'
import { precompress } from './src/build/precompress.ts'
import { prerender } from './src/build/prerender.ts'
import { DEPLOYMENT_STAMP, deploymentDigest, deploymentFile } from './src/server/deployment-file.ts'
import { deploymentSchema } from './src/shared/schemas/deployment.ts'
import { checkEventPlaces, eventsFileSchema, placesFileSchema } from './src/shared/schemas/places.ts'
import rawEvents from './public/data/events.json' with { type: 'json' }
import rawPlaces from './public/data/places.json' with { type: 'json' }

// TSUNAGU_DEPLOYMENT picks the deployment file; its pinned keys are what the public form trusts.
const deploymentPath = deploymentFile()
const deployment = deploymentSchema.parse(JSON.parse(readFileSync(deploymentPath, 'utf8')))
const places = placesFileSchema.parse(rawPlaces)
const orphanEvents = checkEventPlaces(places, eventsFileSchema.parse(rawEvents))
if (orphanEvents.length > 0) throw new Error(`public/data/events.json: unknown placeId in ${orphanEvents.join(', ')}`)
const src = fileURLToPath(new URL('./src', import.meta.url))

/**
 * react-router's package exports always resolve to its development build, dev warnings included
 * (remix-run/react-router#14102, open): builds use the production build it ships next to it.
 */
function reactRouterProduction(): Plugin {
  const production = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url))
  return { name: 'tsunagu:react-router-production', apply: 'build', config: () => ({ resolve: { alias: [{ find: /^react-router$/, replacement: production }] } }) }
}

/** Which deployment file this build pinned, so build-if-needed rebuilds when another is chosen. */
function deploymentStamp(path: string): Plugin {
  return {
    name: 'tsunagu:deployment-stamp',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DEPLOYMENT_STAMP, source: `${deploymentDigest(path)}\n` })
    },
  }
}

const browserTests = ['tests/browser/**/*.test.ts']

export default defineConfig({
  resolve: {
    alias: [
      { find: '@/shared/config/deployment.json', replacement: deploymentPath },
      { find: '@', replacement: src },
    ],
  },
  plugins: [
    react(),
    jpHolidays(),
    shellConfig(deployment),
    deploymentStamp(deploymentPath),
    usedDesignTokens(src),
    reactRouterProduction(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg'],
      manifest: {
        name: deployment.appName,
        short_name: deployment.appName,
        description: 'ひきこもりの相談の、はじめの一歩',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#00118f',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // Our own worker (src/service-worker/sw.ts): precache and offline routes as before, plus
      // Background Sync for the outbox, which a generated worker cannot do.
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        // Staff code is for staff browsers only: not precached on every visitor's device. Pages in
        // やさしい日本語 and English are kept once visited instead (src/service-worker/sw.ts).
        globIgnores: ['**/*.{br,gz}', 'assets/staff-*', 'easy.html', 'easy/**', 'en.html', 'en/**'],
        rollupFormat: 'iife',
      },
    }),
    prerender({ pages: prerenderedUrls, entry: 'src/app/render-page.tsx', app: 'src/app/start.tsx' }),
    precompress(),
  ],
  // Short class names: they are repeated in the CSS and in every component that uses them.
  css: { modules: { generateScopedName: '_[hash:base64:5]' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports preloads modules itself (Safari 17+, Firefox 115+).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the app needs to start, in one chunk: every page loads all of it anyway, and one
        // file compresses better and costs fewer requests than the dozen the automatic split made.
        // The entry keeps Vite's preload helper, which it needs before the app (src/main.tsx).
        codeSplitting: {
          groups: [
            { name: 'index', test: /preload-helper|[\\/]src[\\/]main\.tsx$/, priority: 2 },
            { name: 'start', test: /[\\/]src[\\/]app[\\/]start\.tsx$/, priority: 1 },
            // The staff side in chunks of its own, which the public precache leaves out (globIgnores).
            // Shared modules only staff pages use go with them: left to automatic placement, they land in
            // a chunk of the lazy staff root that imports this one and is imported by it, so a schema
            // built at module load reads a binding not yet set. A new staff-only shared module belongs
            // here too; built-assets.test.ts fails on any cycle between chunks.
            { name: 'staff', test: /[\\/]src[\\/](features|app[\\/]routes)[\\/]staff[\\/]|[\\/]src[\\/]shared[\\/](schemas[\\/](campaigns|audit|handover)\.ts$|crypto[\\/]reseal\.ts$|qr[\\/])|[\\/](@simplewebauthn|uqr)[\\/]|[\\/]zod[\\/]v4[\\/]classic[\\/]coerce\.js$/, priority: 3, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...browserTests, 'tests/server/**'],
          setupFiles: ['tests/setup.ts'],
          // jsdom and user-event slow down many times over when the shared machine is busy; a
          // timeout is a hang detector here, not a speed check (speed lives in `npm run bench`).
          testTimeout: 30_000,
          alias: { 'virtual:pwa-register/react': fileURLToPath(new URL('./tests/stubs/pwa-register.ts', import.meta.url)) },
        },
      },
      {
        extends: true,
        // Hang detectors too: server tests start processes (wrangler, workerd, tsx) and hash keys,
        // which on a busy shared machine took several times their usual time.
        test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: browserTests,
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
