import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeStore } from '../../src/server/node'
import type { NewRequest } from '../../src/server/store/store'

/** Bookings of one group commit under the HTTP bench (about 30 arrive per event-loop turn). */
const BATCH = 30
const WARM_UP = 20_000
const MEASURED = 40_000

/**
 * CPU per booking of the Node store alone, no HTTP: `createRequest` through the real group commit
 * into a fresh SQLite file (WAL, synchronous=FULL) that already holds 20,000 requests, in batches
 * like the ones the server makes under load. The same store the HTTP bench drives, so the HTTP
 * figures can be split into "HTTP, JSON and validation" and "the database write".
 */
export async function storeCpuPerBooking(envelope: string): Promise<{ cpuUs: number; wallUs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-store-bench-'))
  const { driver, store } = await openNodeStore(dataDir)
  const booking = (): NewRequest => {
    const requestId = randomUUID()
    const at = new Date().toISOString()
    return {
      requestId,
      windowId: 'toshima',
      mode: 'letter',
      slotId: null,
      lookupId: randomBytes(32).toString('base64url'),
      authHash: randomBytes(32).toString('base64url'),
      envelope,
      bodyHash: randomBytes(32).toString('base64url'),
      firstResponse: JSON.stringify({ requestId, status: 'waiting', slot: null, deleteAfter: at }),
      createdAt: at,
      deleteAfter: at,
    }
  }
  const insert = async (count: number) => {
    for (let done = 0; done < count; done += BATCH) {
      const batch = Array.from({ length: BATCH }, booking)
      await Promise.all(batch.map((request) => store.createRequest(request)))
    }
  }
  try {
    await insert(WARM_UP)
    const cpuBefore = process.cpuUsage()
    const wallBefore = performance.now()
    await insert(MEASURED)
    const cpu = process.cpuUsage(cpuBefore)
    const wallUs = ((performance.now() - wallBefore) * 1000) / MEASURED
    // Building the booking objects is counted too; its cost, measured alone, is taken off.
    const makeCost = measureBookingCost(booking)
    return { cpuUs: (cpu.user + cpu.system) / MEASURED - makeCost, wallUs: wallUs - makeCost }
  } finally {
    driver.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** What building one booking object costs, taken off the figures above. */
function measureBookingCost(booking: () => NewRequest): number {
  const before = process.cpuUsage()
  for (let i = 0; i < MEASURED; i++) booking()
  const cpu = process.cpuUsage(before)
  return (cpu.user + cpu.system) / MEASURED
}
