import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { staffRole } from '../../shared/schemas/staff'
import { readServerEnv } from '../env'
import { loadDeployment, openNodeStore } from '../node'
import { createInvite, inviteSql } from '../staff/invites'
import { initWindowKeys } from './window-key-files'

/*
 * `npm run admin -- <command>`: what an operator does once, from a terminal (README "Setting up a window").
 *   init-window <windowId> [--out DIR]                        the window's recovery and certification keys
 *   invite --window <id> --role staff|admin [--origin URL] [--sql]   a one-time invite URL (last line)
 */
const usage = 'usage: npm run admin -- init-window <windowId> [--out DIR]\n       npm run admin -- invite --window <windowId> --role staff|admin [--origin URL] [--sql]'

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

const [command, ...rest] = process.argv.slice(2)
const env = readServerEnv()
const root = resolve(import.meta.dirname, '../../..')
const dataDir = resolve(root, env.DATA_DIR)

if (command === 'init-window') {
  const { values, positionals } = parseArgs({ args: rest, options: { out: { type: 'string' } }, allowPositionals: true })
  const windowId = positionals[0]
  if (!windowId || !/^[a-z0-9-]{2,32}$/.test(windowId)) fail('init-window needs a window id (a-z, 0-9, -).')
  const outDir = resolve(values.out ?? join(dataDir, 'window-keys'))
  const { files, snippet } = await initWindowKeys(windowId, outDir)
  console.log(`Made the offline keys of window "${windowId}". Private halves (keep offline, never commit):`)
  for (const file of files) console.log(`  ${file}`)
  console.log(`\nPaste into the window "${windowId}" of deployment.json, then rebuild (the app pins them):\n`)
  console.log(JSON.stringify(snippet, null, 2).replace(/^\{\n|\n\}$/g, ''))
} else if (command === 'invite') {
  const { values } = parseArgs({ args: rest, options: { window: { type: 'string' }, role: { type: 'string' }, origin: { type: 'string' }, sql: { type: 'boolean' } } })
  const role = staffRole.safeParse(values.role)
  if (!role.success) fail('invite needs --role staff or --role admin.')
  const windowId = values.window ?? ''
  if (!loadDeployment().windows.some((w) => w.id === windowId)) fail(`invite needs --window with a window of deployment.json, not "${windowId}".`)
  const origin = values.origin ?? env.PUBLIC_ORIGIN ?? `http://${env.HOST}:${env.PORT}`
  if (values.sql) {
    const { sql, url } = await inviteSql({ windowId, role: role.data }, new Date(), origin)
    console.log('Run this against D1 (valid 24 hours, once):')
    console.log(`  npx wrangler d1 execute DB --remote --config src/server/wrangler.jsonc --command "${sql}"`)
    console.log(url)
  } else {
    const { driver, store } = await openNodeStore(dataDir)
    const invite = await createInvite(store, { windowId, role: role.data }, new Date(), origin)
    driver.close()
    console.log(`One-time invite for window "${windowId}" as ${role.data}, valid until ${invite.expiresAt}. Open it in the new colleague's browser:`)
    console.log(invite.url)
  }
} else {
  fail(command ? `Unknown command "${command}".` : 'No command.')
}
