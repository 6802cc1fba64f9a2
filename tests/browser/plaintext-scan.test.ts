import { describe, expect, it, vi } from 'vitest'
import { runPlaintextScan } from '../reliability/plaintext/scan-run'

// Two servers, a build of the submit code and PBKDF2 per request: minutes on a busy shared machine.
vi.setConfig({ testTimeout: 600_000 })

describe('サーバーに平文は残らない（npx tsx tests/reliability/plaintext-scan.ts の小さい版）', () => {
  it('ブラウザで暗号化した相談 30件（Node 20件、workerd 10件）: データベース・WAL・バックアップ・D1 エクスポート・ログに目印は 0。わざと平文で書いた目印は見つかる', async () => {
    const report = await runPlaintextScan({ node: 20, workerd: 10, uiEvery: 10, slotEvery: 5, followUpEvery: 4 })
    console.log(`[figure] plaintext (CI): ${report.node.delivered.length + report.workerd.delivered.length} requests, ${report.files} files, ${report.bytes} bytes scanned: ${report.hits.length} hits`)

    expect(report.node.failures).toEqual([])
    expect(report.workerd.failures).toEqual([])
    // Not vacuous: the requests are really in what was scanned.
    expect(report.node.delivered).toHaveLength(20)
    expect(report.node.rows.found).toBe(20)
    expect(report.node.backupRows.found).toBe(20)
    expect(report.node.ui).toBe(2)
    expect(report.node.followUps).toBeGreaterThan(0)
    expect(report.node.rows.messages).toBe(report.node.followUps)
    expect(report.workerd.delivered).toHaveLength(10)
    expect(report.workerd.exportFound).toBe(10)
    expect(report.workerd.exportRequests).toBe(10)
    expect(report.bytes).toBeGreaterThan(100_000)
    // The scanner finds plaintext where there is some, in each encoding.
    expect(report.control).toEqual(['utf8', 'utf16le', 'utf16be'])

    expect(report.hits).toEqual([])
  })
})
