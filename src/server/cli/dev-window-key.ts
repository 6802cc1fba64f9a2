import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { exportPrivateKeyJwk, generateRecipientKeyPair, recipientFromPrivateJwk } from '../../shared/crypto/window-keys'
import { readServerEnv } from '../env'
import { loadDeployment, openNodeStore } from '../node'

/**
 * `npm run keys:dev`: a staff key pair per window for development, until the staff inbox makes
 * real ones in staff browsers. The public key goes into the database (so /api/config publishes it);
 * the private key is written to <DATA_DIR>/dev-keys/<window>.jwk, which git ignores. Running it again
 * reuses the existing files.
 */
const env = readServerEnv()
const root = resolve(import.meta.dirname, '../../..')
const dataDir = resolve(root, env.DATA_DIR)
const keyDir = join(dataDir, 'dev-keys')
mkdirSync(keyDir, { recursive: true, mode: 0o700 })

const { driver, store } = await openNodeStore(dataDir)
for (const window of loadDeployment().windows) {
  const file = join(keyDir, `${window.id}.jwk`)
  let key
  if (existsSync(file)) {
    key = await recipientFromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey)
  } else {
    key = await generateRecipientKeyPair({ extractable: true })
    writeFileSync(file, `${JSON.stringify(await exportPrivateKeyJwk(key.privateKey), null, 2)}\n`, { mode: 0o600 })
  }
  await store.addWindowKey({
    keyId: key.keyId,
    windowId: window.id,
    kind: 'staff',
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    createdAt: new Date().toISOString(),
  })
  console.log(`${window.id}: staff key ${key.keyId}  fingerprint ${key.fingerprint}  private key ${file}`)
}
driver.close()
