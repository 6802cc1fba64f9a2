// No lost request, on the clients' side: Chromium devices book through the form's own code while
// npm start's server is killed with SIGKILL at random moments and restarted on the same port and
// SQLite file; what a kill cut off waits in the device's outbox until the person opens the app again.
// Every queued request must be stored exactly once, every outbox empty, integrity_check ok, no 5xx.
// Full run: npx tsx tests/reliability/outbox-sigkill.ts [kills=20] [clients=4]; CI: tests/browser/outbox-sigkill.test.ts.
import { runOutboxKill, type OutboxKillResult } from './outbox-kill/outbox-kill-run'

const kills = Number(process.argv[2] ?? 20)
const clients = Number(process.argv[3] ?? 4)
const r = await runOutboxKill({ kills, clients, slotEvery: 3, upMs: [1000, 4000] })
console.log(
  `first sends: ${JSON.stringify(r.outcomes)}; ${r.visits} app visits (${r.syncs} with a Background Sync), ${r.failedPosts} POSTs without an answer (${r.aborted} of them cancelled by a reload); ` +
    `201s sent by the form ${r.by.form}, by the app on start ${r.by.appStart}, by the service worker ${r.by.serviceWorker}`,
)
console.log(
  `[figure] outbox under SIGKILL × ${r.kills} (${r.clients} Chromium clients, ${r.seconds} s: setup ${r.phases.setup}, kills ${r.phases.kills}, drain ${r.phases.drain}): ${r.created} requests queued (${r.withSlot} with a time), ` +
    `${r.storedOnce} stored exactly once, ${r.missing} missing, ${r.strays} strays; ${r.deliveredLater}/${r.queued} delivered by the outbox after a first send that got no answer ` +
    `(${r.lostAnswers} of them already stored, their 201 lost in the kill), ${r.answeredTwice} answered twice; ${r.acknowledged} × 201 seen, ` +
    `${r.unacknowledgedMissing} of them missing; outboxes left: ${r.outboxLeft}; ${r.serverErrors} × 5xx; integrity_check ${r.integrity}`,
)
export const passed = (x: OutboxKillResult) =>
  x.missing === 0 && x.strays === 0 && x.slotMismatches === 0 && x.unacknowledgedMissing === 0 && x.outboxLeft === 0 && x.pendingLineShown === 0 && x.serverErrors === 0 && x.integrity === 'ok' && x.storedOnce === x.created
if (!passed(r)) process.exitCode = 1
