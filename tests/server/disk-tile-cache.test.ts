import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { diskTileCache } from '../../src/server/tiles/disk-tile-cache'
import { parseTilePath } from '../../src/server/tiles/tile-source'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-tile-cache-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function bytesOnDisk(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0)
}

const SOURCE = 'https://tiles.example/{z}/{x}/{y}.png'

describe('タイルのディスクキャッシュ', () => {
  it('上限を超えると、最近使っていないタイルから消し、上限より大きくならない', async () => {
    const dir = tempDir()
    const cache = diskTileCache(dir, SOURCE, 10_000)
    const tile = (y: number) => ({ z: 5, x: 1, y })
    for (let y = 0; y < 5; y++) await cache.put(tile(y), new Uint8Array(3_000).fill(y))
    expect(bytesOnDisk(dir)).toBeLessThanOrEqual(10_000)
    expect(await cache.get(tile(0))).toBeNull()
    expect((await cache.get(tile(4)))?.[0]).toBe(4)
    // Reading a tile makes it recent: the next write evicts another one.
    await cache.get(tile(3))
    await cache.put(tile(5), new Uint8Array(3_000).fill(5))
    expect(await cache.get(tile(3))).not.toBeNull()
    expect(bytesOnDisk(dir)).toBeLessThanOrEqual(10_000)
  })

  it('再起動しても、ディスクにあるタイルを使い、その大きさも数える', async () => {
    const dir = tempDir()
    await diskTileCache(dir, SOURCE, 10_000).put({ z: 3, x: 2, y: 1 }, new Uint8Array([1, 2, 3]))
    const again = diskTileCache(dir, SOURCE, 10_000)
    expect([...((await again.get({ z: 3, x: 2, y: 1 })) ?? [])]).toEqual([1, 2, 3])
    for (let y = 0; y < 4; y++) await again.put({ z: 4, x: 0, y }, new Uint8Array(3_000))
    expect(bytesOnDisk(dir)).toBeLessThanOrEqual(10_000)
  })

  it('タイルの出どころを変えると、前のタイルは使わない', async () => {
    const dir = tempDir()
    await diskTileCache(dir, SOURCE, 10_000).put({ z: 1, x: 0, y: 0 }, new Uint8Array([9]))
    expect(await diskTileCache(dir, 'https://other.example/{z}/{x}/{y}.png', 10_000).get({ z: 1, x: 0, y: 0 })).toBeNull()
  })
})

describe('タイルの番号', () => {
  it('0 ≤ z ≤ 最大ズーム、0 ≤ x, y < 2^z の整数だけを受け付ける', () => {
    expect(parseTilePath('0', '0', '0.png', 18)).toEqual({ z: 0, x: 0, y: 0 })
    expect(parseTilePath('18', '262143', '262143.png', 18)).toEqual({ z: 18, x: 262143, y: 262143 })
    for (const [z, x, file] of [['19', '0', '0.png'], ['18', '262144', '0.png'], ['1', '2', '0.png'], ['1', '0', '00.png'], ['1', '0', '0.PNG'], ['1', '-0', '0.png'], ['1e1', '0', '0.png'], [' 1', '0', '0.png']] as const) {
      expect(parseTilePath(z, x, file, 18), `${z}/${x}/${file}`).toBeNull()
    }
  })
})
