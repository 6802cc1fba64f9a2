import { describe, expect, it } from 'vitest'
import { killUnderLoad } from '../reliability/sigkill'

// CI-sized; the full run (20 kills or more): npx tsx tests/reliability/sigkill.ts 20
describe('予約が続くなかで Node サーバーを SIGKILL で落として起こし直す', () => {
  it('3 回落としても、201 を返した相談はすべて残り、integrity_check は ok、5xx なし', async () => {
    const result = await killUnderLoad(3, 4)
    expect(result.acknowledged).toBeGreaterThan(0)
    expect(result).toMatchObject({ missing: 0, serverErrors: 0, integrity: 'ok' })
  }, 120_000)
})
