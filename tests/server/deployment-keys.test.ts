import { describe, expect, it } from 'vitest'
import { fingerprintOf, importRecipientPublicKey, keyIdOf } from '../../src/shared/crypto/window-keys'
import { loadDeployment } from '../../src/server/node'

describe('設定ファイルの回復用公開鍵', () => {
  it('どの窓口にもあり、P-256 の点として読み込め、鍵 id と指紋が鍵そのものから計算した値と一致する', async () => {
    for (const window of loadDeployment().windows) {
      const key = window.recoveryKey
      expect(key, window.id).not.toBeNull()
      if (!key) continue
      await expect(importRecipientPublicKey(key.publicKey)).resolves.toBeDefined()
      expect(key.keyId).toBe(await keyIdOf(key.publicKey))
      expect(key.fingerprint).toBe(await fingerprintOf(key.publicKey))
    }
  })
})
