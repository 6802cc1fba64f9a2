import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { spokenFingerprint } from '@/features/staff/keys/spoken-fingerprint'
import { ensureStaffKey, staffKeyFor } from '@/features/staff/keys/staff-key-store'
import { generateRecipientKeyPair } from '@/shared/crypto/window-keys'

describe('staff keys on the device', () => {
  it('keeps one non-extractable key pair per window and returns the same one again', async () => {
    const first = await ensureStaffKey('toshima')
    const again = await ensureStaffKey('toshima')
    expect(again.keyId).toBe(first.keyId)
    expect((await staffKeyFor('toshima'))?.privateKey.extractable).toBe(false)
    expect((await ensureStaffKey('bunkyo')).keyId).not.toBe(first.keyId)
  })

  it('shows a fingerprint as six groups of five digits, the same for the same key', async () => {
    const { publicKey } = await generateRecipientKeyPair()
    const groups = await spokenFingerprint(publicKey)
    expect(groups).toHaveLength(6)
    for (const group of groups) expect(group).toMatch(/^\d{5}$/)
    expect(await spokenFingerprint(publicKey)).toEqual(groups)
    const other = await generateRecipientKeyPair()
    expect(await spokenFingerprint(other.publicKey)).not.toEqual(groups)
  })
})
