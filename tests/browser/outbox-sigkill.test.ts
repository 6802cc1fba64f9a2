import { describe, expect, it } from 'vitest'
import { runOutboxKill } from '../reliability/outbox-kill/outbox-kill-run'

// CI-sized; the full run (20 kills or more): npx tsx tests/reliability/outbox-sigkill.ts 20
describe('予約のさなかに Node サーバーを SIGKILL で落とす: 端末の送信箱', () => {
  it('3 回落としても、どの端末で作った相談もデータベースにちょうど 1 件。届かなかった分は送信箱がアプリを開いたときに届け、送信箱は空、integrity_check ok、5xx なし', async () => {
    const r = await runOutboxKill({ kills: 3, clients: 2, slotEvery: 3, upMs: [800, 2500] })
    console.log(`[figure] outbox under SIGKILL (CI): ${JSON.stringify(r)}`)
    // Not vacuous: the kills cut sends off, and the outbox had work to do.
    expect(r.created).toBeGreaterThan(0)
    expect(r.queued).toBeGreaterThan(0)
    expect(r.withSlot).toBeGreaterThan(0)
    expect(r).toMatchObject({ missing: 0, strays: 0, slotMismatches: 0, unacknowledgedMissing: 0, outboxLeft: 0, pendingLineShown: 0, serverErrors: 0, integrity: 'ok' })
    expect(r.storedOnce).toBe(r.created)
    expect(r.deliveredLater).toBe(r.queued)
    // Every queued request was answered 201 on some device, sooner or later.
    expect(r.acknowledged).toBe(r.created)
    expect(Object.keys(r.outcomes).sort()).toEqual(['delivered', 'pending'])
  }, 240_000)
})
