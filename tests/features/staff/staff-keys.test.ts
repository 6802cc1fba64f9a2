import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { ensureMyKey, myKey } from '@/features/staff/keys/staff-key-db'

describe('staff keys on the device (tsunagu-staff)', () => {
  it('keeps one non-extractable key pair per member and window, and gives the same one back', async () => {
    expect(await myKey('m1', 'toshima')).toBeNull()
    const first = await ensureMyKey('m1', 'toshima')
    const again = await ensureMyKey('m1', 'toshima')
    expect(again.keyId).toBe(first.keyId)
    expect((await myKey('m1', 'toshima'))?.privateKey.extractable).toBe(false)
    expect((await ensureMyKey('m1', 'bunkyo')).keyId).not.toBe(first.keyId)
    expect((await ensureMyKey('m2', 'toshima')).keyId).not.toBe(first.keyId)
  })
})
