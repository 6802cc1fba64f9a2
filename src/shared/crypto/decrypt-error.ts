/**
 * Every failure to open a sealed value: wrong key, unknown recipient, tampering, wrong binding.
 * One class with one message, so callers and logs cannot tell (or leak) which check failed.
 */
export class DecryptError extends Error {
  constructor() {
    super('Decryption failed')
    this.name = 'DecryptError'
  }
}
