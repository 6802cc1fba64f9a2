/**
 * Browser tests drive Debian's Chromium: test tools cannot download browsers on this machine.
 * Installs it (with Japanese fonts) when missing and we are root with apt; otherwise says how.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_PATH } from './chromium'

const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'

if (existsSync(CHROMIUM_PATH)) process.exit(0)

const isRoot = process.getuid?.() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (!isRoot || !hasApt) {
  console.error(`Chromium is missing at ${CHROMIUM_PATH}. Install it with:\n  sudo sh -c '${INSTALL}'`)
  process.exit(1)
}
console.log(`[tests] Chromium is missing; running: ${INSTALL}`)
execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: 'inherit' })
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`)
  process.exit(1)
}
