import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '@/shared/crypto/base64url'
import {
  exportCertificationPrivateJwk,
  generateCertificationKeyPair,
  importCertificationPrivateJwk,
  pinnedKeyOf,
  signStaffCertificate,
  verifyStaffCertificate,
  type CertificationKeyPair,
} from '@/shared/crypto/staff-certificate'
import { generateRecipientKeyPair, type RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { PinnedKey } from '@/shared/schemas/deployment'
import { staffCertificateSchema, type StaffCertificate } from '@/shared/schemas/staff'

let certification: CertificationKeyPair
let otherCertification: CertificationKeyPair
let pinned: PinnedKey
let staff: RecipientKeyPair
let otherStaff: RecipientKeyPair
let certificate: StaffCertificate

const claimOf = (key: RecipientKeyPair, windowId = 'toshima') => ({ windowId, keyId: key.keyId, publicKey: key.publicKey })

beforeAll(async () => {
  ;[certification, otherCertification, staff, otherStaff] = await Promise.all([
    generateCertificationKeyPair({ extractable: true }),
    generateCertificationKeyPair(),
    generateRecipientKeyPair(),
    generateRecipientKeyPair(),
  ])
  pinned = pinnedKeyOf(certification)
  certificate = await signStaffCertificate(certification.privateKey, claimOf(staff))
})

describe('職員鍵の証明書（認証鍵の ECDSA P-256 署名）', () => {
  it('認証鍵で署名した職員鍵は、固定された認証鍵で確かめられる', async () => {
    expect(staffCertificateSchema.parse(certificate)).toEqual(certificate)
    expect(fromBase64url(certificate.signature)).toHaveLength(64)
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), certificate })).toBe(true)
  })

  it('鍵ファイル（JWK）から読み込んだ認証鍵の署名も通り、鍵 ID と指紋は同じ', async () => {
    const jwk = await exportCertificationPrivateJwk(certification.privateKey)
    const loaded = await importCertificationPrivateJwk(JSON.parse(JSON.stringify(jwk)) as JsonWebKey)
    expect(pinnedKeyOf(loaded)).toEqual(pinned)
    expect(loaded.privateKey.extractable).toBe(false)
    const again = await signStaffCertificate(loaded.privateKey, claimOf(otherStaff))
    expect(await verifyStaffCertificate(pinned, { ...claimOf(otherStaff), certificate: again })).toBe(true)
  })

  it('署名が1ビットでも変わると通らない', async () => {
    const bytes = fromBase64url(certificate.signature)
    bytes[10]! ^= 0x01
    const tampered = { ...certificate, signature: toBase64url(bytes) }
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), certificate: tampered })).toBe(false)
  })

  it('発行日時を書き換えると通らない', async () => {
    const moved = { ...certificate, issuedAt: '2020-01-01T00:00:00.000Z' }
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), certificate: moved })).toBe(false)
  })

  it('ほかの窓口の職員鍵としては通らない', async () => {
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff, 'bunkyo'), certificate })).toBe(false)
  })

  it('証明書をほかの鍵に付け替えても通らない（鍵 ID も公開鍵も）', async () => {
    expect(await verifyStaffCertificate(pinned, { ...claimOf(otherStaff), certificate })).toBe(false)
    // The signed key id with another public key: the key id no longer names the key.
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), publicKey: otherStaff.publicKey, certificate })).toBe(false)
  })

  it('ほかの認証鍵が署名した証明書は通らない', async () => {
    const forged = await signStaffCertificate(otherCertification.privateKey, claimOf(staff))
    expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), certificate: forged })).toBe(false)
    expect(await verifyStaffCertificate(pinnedKeyOf(otherCertification), { ...claimOf(staff), certificate: forged })).toBe(true)
  })

  it('固定鍵の鍵 ID と公開鍵が食い違うときは何も通さない', async () => {
    const mixed = { ...pinned, keyId: otherCertification.keyId }
    expect(await verifyStaffCertificate(mixed, { ...claimOf(staff), certificate })).toBe(false)
  })

  it('証明書がない・壊れているときは例外でなく false', async () => {
    for (const bad of [null, undefined, { v: 2, issuedAt: certificate.issuedAt, signature: certificate.signature }, { ...certificate, signature: '!!' }, { ...certificate, signature: 'AAAA' }]) {
      expect(await verifyStaffCertificate(pinned, { ...claimOf(staff), certificate: bad as StaffCertificate })).toBe(false)
    }
    expect(await verifyStaffCertificate({ ...pinned, publicKey: 'not-a-key' }, { ...claimOf(staff), certificate })).toBe(false)
  })

  it('鍵 ID が公開鍵と合わない鍵には署名しない', async () => {
    await expect(signStaffCertificate(certification.privateKey, { ...claimOf(staff), keyId: otherStaff.keyId })).rejects.toThrow()
  })
})
