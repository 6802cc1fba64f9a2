import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportCertificationPrivateJwk, generateCertificationKeyPair, pinnedKeyOf } from '../../shared/crypto/staff-certificate'
import { exportPrivateKeyJwk, generateRecipientKeyPair } from '../../shared/crypto/window-keys'
import type { PinnedKey } from '../../shared/schemas/deployment'
import { qrSvg } from '../../shared/qr/qr-svg'

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A page to print and keep with the key: the private key as a QR code and as text, and what it is for. */
function printablePage(title: string, purpose: string, windowId: string, key: PinnedKey, jwk: JsonWebKey): string {
  const text = JSON.stringify(jwk)
  return `<!doctype html>
<html lang="ja"><meta charset="utf-8"><title>${escapeHtml(title)} (${escapeHtml(windowId)})</title>
<style>body{font-family:sans-serif;max-width:180mm;margin:10mm auto;line-height:1.6}pre{white-space:pre-wrap;word-break:break-all;font-size:9pt;border:1px solid #000;padding:4mm}svg{width:70mm;height:70mm}</style>
<h1>${escapeHtml(title)}</h1>
<p>窓口: <strong>${escapeHtml(windowId)}</strong>　鍵ID: <code>${escapeHtml(key.keyId)}</code></p>
<p>指紋（読み上げて確かめるための番号）: <strong>${escapeHtml(key.fingerprint)}</strong></p>
<p>${escapeHtml(purpose)}</p>
<p><strong>この紙は、金庫など鍵のかかる場所に保管してください。コピーやスキャンはしないでください。</strong></p>
${qrSvg(text, { ecc: 'M', mm: 70, title })}
<pre>${escapeHtml(text)}</pre>
</html>
`
}

export interface InitWindowResult {
  files: string[]
  snippet: { recoveryKey: PinnedKey; certificationKey: PinnedKey }
}

/**
 * `admin init-window`: the window's two offline key pairs. The private halves go to files (mode 0600)
 * and printable pages, for paper or a USB stick; only the public halves go into deployment.json.
 */
export async function initWindowKeys(windowId: string, outDir: string): Promise<InitWindowResult> {
  mkdirSync(outDir, { recursive: true, mode: 0o700 })
  const recovery = await generateRecipientKeyPair({ extractable: true })
  const certification = await generateCertificationKeyPair({ extractable: true })
  const recoveryJwk = await exportPrivateKeyJwk(recovery.privateKey)
  const certificationJwk = await exportCertificationPrivateJwk(certification.privateKey)
  const recoveryKey = pinnedKeyOf(recovery)
  const certificationKey = pinnedKeyOf(certification)
  const write = (name: string, content: string) => {
    const path = join(outDir, name)
    writeFileSync(path, content, { mode: 0o600 })
    return path
  }
  const files = [
    write(`${windowId}-recovery-key.json`, `${JSON.stringify({ windowId, kind: 'recovery', ...recoveryKey, privateJwk: recoveryJwk }, null, 2)}\n`),
    write(`${windowId}-recovery-key.html`, printablePage('復旧用の鍵（リカバリーキー）', 'すべての職員の端末をなくしたときに、この窓口の相談をすべて開くための鍵です。ふだんは使いません。', windowId, recoveryKey, recoveryJwk)),
    write(`${windowId}-certification-key.json`, `${JSON.stringify({ windowId, kind: 'certification', ...certificationKey, privateJwk: certificationJwk }, null, 2)}\n`),
    write(`${windowId}-certification-key.html`, printablePage('職員の鍵を認める鍵（認証キー）', '新しい職員の鍵を、指紋を確かめたうえで認めるときだけ、管理者の画面で読み込みます。', windowId, certificationKey, certificationJwk)),
  ]
  return { files, snippet: { recoveryKey, certificationKey } }
}
