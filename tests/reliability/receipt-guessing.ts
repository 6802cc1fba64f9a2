// Receipt guessing: online guesses the limits allow, and the offline cost per guess for a thief of the
// database with and without CREDENTIAL_SECRET. Run: npx tsx tests/reliability/receipt-guessing.ts
import { createHmac } from 'node:crypto'
import { readServerEnv } from '../../src/server/env'
import { generateReceiptCode } from '../../src/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '../../src/shared/crypto/receipt-keys'

const RECEIPTS = 1e15 // 16 digits, the last a check digit
const env = readServerEnv({})
const perHour = env.LOOKUP_LIMIT_PER_MINUTE * 60

const runs = 5
const started = performance.now()
for (let i = 0; i < runs; i++) await deriveReceiptKeys(generateReceiptCode(), 'bench')
const kdfMs = (performance.now() - started) / runs

const key = Buffer.alloc(32, 7)
const hmacRuns = 200_000
const hmacStart = performance.now()
for (let i = 0; i < hmacRuns; i++) createHmac('sha256', key).update(`tsunagu-lookup|${i}`).digest()
const hmacUs = ((performance.now() - hmacStart) / hmacRuns) * 1000

const coreYears = (ms: number) => (RECEIPTS * ms) / 1000 / 3600 / 24 / 365
console.log(`receipt space: ${RECEIPTS.toExponential(0)} codes = ${Math.log2(RECEIPTS).toFixed(1)} bits`)
console.log(`online: ${env.LOOKUP_LIMIT_PER_MINUTE}/min per client (IPv4 address or IPv6 /64) = ${perHour} guesses/hour;`)
console.log(`  chance per hour to hit any of 10,000 stored requests: ${((perHour * 1e4) / RECEIPTS).toExponential(1)}`)
console.log(`offline without the secret: PBKDF2 600k + HKDF = ${kdfMs.toFixed(0)} ms per guess per core (this machine, Node WebCrypto),`)
console.log(`  each guess tested against every stored lookup id at once; whole space ${coreYears(kdfMs).toExponential(1)} core-years, half on average`)
console.log(`offline with the secret kept out of the database: a guess also needs the 256-bit HMAC key: 2^256 keys × ${hmacUs.toFixed(2)} µs; not testable`)
console.log(`  (a thief who also has the secret is back to the line above: the HMAC adds ${hmacUs.toFixed(2)} µs per guess)`)
