// No plaintext on the server: marked requests from headless Chromium through the app's own submit
// path, to npm start's server (SQLite) and to workerd (D1); then every stored byte and log line is
// searched for every marker in UTF-8, UTF-16LE and UTF-16BE.
// Full run: npx tsx tests/reliability/plaintext-scan.ts [count=1000] (count to Node + SQLite, a tenth
// of it, at least 10, to workerd + D1). CI: tests/browser/plaintext-scan.test.ts.
import { runPlaintextScan, type ScanReport } from './plaintext/scan-run'

const count = Number(process.argv[2] ?? 1000)
const workerd = Math.max(10, Math.round(count / 10))
const report = await runPlaintextScan({ node: count, workerd, uiEvery: 20, slotEvery: 10, followUpEvery: 5 })

const sent = (d: ScanReport['node'] | ScanReport['workerd']) =>
  `${d.delivered.length}/${d.marked.length} stored (${d.ui} through the form by mouse, ${d.slots} with a time, ${d.followUps} follow-ups)`
console.log(`Node + SQLite: ${sent(report.node)}; rows: ${report.node.rows.found} in the file, ${report.node.backupRows.found} in the backup (${report.node.backupCommand})`)
console.log(`workerd + D1: ${sent(report.workerd)}; ${report.workerd.exportFound} in the export (${report.workerd.exportCommand}, ${report.workerd.exportRequests} request rows)`)
for (const failure of [...report.node.failures, ...report.workerd.failures].slice(0, 20)) console.log(`  not stored: ${failure}`)
for (const hit of report.hits.slice(0, 20)) console.log(`  HIT ${hit.encoding} "${hit.needle}" in ${hit.file} at ${hit.offset}`)
const stored = report.node.delivered.length + report.workerd.delivered.length
console.log(
  `[figure] plaintext: ${stored} requests (${report.node.delivered.length} Node + SQLite, ${report.workerd.delivered.length} workerd + D1), ` +
    `${report.needles.toLocaleString('en')} marker byte strings, ${report.files} files, ${(report.bytes / 1024 / 1024).toFixed(1)} MiB scanned: ` +
    `${report.hits.length} hits; control marker found in ${report.control.join(', ')} (${report.seconds} s)`,
)
const complete =
  report.node.rows.found === report.node.delivered.length &&
  report.node.backupRows.found === report.node.delivered.length &&
  report.workerd.exportFound === report.workerd.delivered.length &&
  report.node.failures.length + report.workerd.failures.length === 0
if (report.hits.length > 0 || report.control.length !== 3 || !complete) process.exitCode = 1
