import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'libsql'
import { DATABASE_FILE } from '../../../src/server/store/libsql-driver'
import { launchChromium } from '../../tools/chromium'
import { bundleSubmitCode, driveRequests, type Driven } from './browser-driver'
import { ENCODINGS, filesUnder, markersFor, needlesOf, scanFiles, type Hit } from './markers'
import { backupDatabase, countRows, databaseFiles, startNodeRun, testDeploymentPath } from './node-run'
import { startWorkerdRun } from './workerd-run'

export interface ScanOptions {
  /** Requests sent to the Node server (SQLite) and to workerd (D1). */
  node: number
  workerd: number
  uiEvery: number
  slotEvery: number
  followUpEvery: number
}

export interface ScanReport {
  run: string
  node: Driven & { rows: ReturnType<typeof countRows>; backupRows: ReturnType<typeof countRows>; backupCommand: string }
  workerd: Driven & { exportRequests: number; exportFound: number; exportCommand: string }
  files: number
  bytes: number
  needles: number
  hits: Hit[]
  /** Encodings in which the control marker, written in the clear on purpose, was found (all three expected). */
  control: string[]
  seconds: number
}

const sendOptions = (o: ScanOptions, run: string, submitCode: string) => ({ run, submitCode, uiEvery: o.uiEvery, slotEvery: o.slotEvery, followUpEvery: o.followUpEvery })

/**
 * The whole check: marked requests from Chromium through the app's submit path to npm start's
 * server and to workerd + D1, then every byte the operator keeps is searched for every marker:
 * the SQLite file, WAL and shm (while running and after the stop), the README's backup, the
 * server's log, D1's files, a `wrangler d1 export` and workerd's output. Last, a control marker is
 * written in the clear into a scratch row, the log and the export, and must be found.
 */
export async function runPlaintextScan(o: ScanOptions): Promise<ScanReport> {
  const started = Date.now()
  const run = crypto.getRandomValues(new Uint8Array(3)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')
  const submitCode = await bundleSubmitCode(testDeploymentPath)
  const browser = await launchChromium()
  const scanned: Array<ReturnType<typeof scanFiles>> = []
  const cleanup: string[] = []
  try {
    const node = await startNodeRun()
    cleanup.push(node.dir)
    let nodeSent: Driven
    let backupCommand: string
    const backup = join(node.dir, 'backup.sqlite')
    try {
      nodeSent = await driveRequests({ ...sendOptions(o, run, submitCode), baseUrl: node.url, from: 0, count: o.node }, browser)
      backupCommand = backupDatabase(node.dataDir, backup)
      scanned.push(scanFiles([...databaseFiles(node.dataDir), backup], needlesOf(nodeSent.marked)))
    } finally {
      await node.stop()
    }
    const dbFile = join(node.dataDir, DATABASE_FILE)
    scanned.push(scanFiles([...databaseFiles(node.dataDir), node.log], needlesOf(nodeSent.marked)))
    const rows = countRows(dbFile, nodeSent.delivered)
    const backupRows = countRows(backup, nodeSent.delivered)

    const workerd = await startWorkerdRun()
    cleanup.push(workerd.dir)
    let workerdSent: Driven
    let exported: { file: string; command: string }
    try {
      workerdSent = await driveRequests({ ...sendOptions(o, run, submitCode), baseUrl: workerd.url, from: o.node, count: o.workerd }, browser)
      exported = await workerd.exportD1()
      scanned.push(scanFiles([...filesUnder(workerd.persist), exported.file], needlesOf(workerdSent.marked)))
    } finally {
      await workerd.close()
    }
    scanned.push(scanFiles([workerd.log], needlesOf(workerdSent.marked)))
    const dump = readFileSync(exported.file, 'utf8')

    const control = writeControl(markersFor(run, 9999), dbFile, node.log, exported.file)
    return {
      run,
      node: { ...nodeSent, rows, backupRows, backupCommand },
      workerd: {
        ...workerdSent,
        exportRequests: dump.match(/^INSERT INTO "?requests"? /gm)?.length ?? 0,
        exportFound: workerdSent.delivered.filter((id) => dump.includes(`'${id}'`)).length,
        exportCommand: exported.command,
      },
      files: scanned.reduce((n, s) => n + s.files.length, 0),
      bytes: scanned.reduce((n, s) => n + s.bytes, 0),
      needles: scanned.reduce((n, s) => Math.max(n, s.needles), 0),
      hits: scanned.flatMap((s) => s.hits),
      control: [...new Set(control)],
      seconds: Math.round((Date.now() - started) / 1000),
    }
  } finally {
    await browser.close()
    if (!process.env.KEEP_PLAINTEXT_SCAN) for (const dir of cleanup) rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The scanner must see plaintext where there is some: the control marker's message goes in the
 * clear into a scratch table of the database (UTF-8), the server log (UTF-16LE) and the D1 export
 * (UTF-16BE). Returns the encodings the scan found it in.
 */
function writeControl(control: ReturnType<typeof markersFor>, dbFile: string, log: string, dump: string): string[] {
  const db = new Database(dbFile)
  db.exec('CREATE TABLE IF NOT EXISTS plaintext_control (text TEXT)')
  db.prepare('INSERT INTO plaintext_control (text) VALUES (?)').run([control.nickname])
  db.close()
  appendFileSync(log, Buffer.from(control.nickname, 'utf16le'))
  writeFileSync(dump, Buffer.concat([readFileSync(dump), Buffer.from(control.nickname, 'utf16le').swap16()]))
  const found = scanFiles([...databaseFiles(dirname(dbFile)), log, dump], [control.nickname]).hits
  return ENCODINGS.filter((encoding) => found.some((h) => h.encoding === encoding))
}
