import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { TileCache } from './tile-cache'
import type { TileCoordinates } from './tile-source'

/**
 * Node: tiles as files under `<DATA_DIR>/tiles/<source hash>/z/x/y.png`, at most `maxBytes` in all.
 * The least recently used go first; the order is kept in memory and rebuilt from the files on start.
 */
export function diskTileCache(dataDir: string, source: string, maxBytes: number): TileCache {
  const root = join(dataDir, 'tiles', createHash('sha256').update(source).digest('hex').slice(0, 12))
  const sizes = new Map<string, number>()
  let total = 0
  let loaded: Promise<void> | null = null
  const fileOf = (t: TileCoordinates) => join(root, String(t.z), String(t.x), `${t.y}.png`)

  const load = () =>
    (loaded ??= (async () => {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
      const files = await Promise.all(
        entries
          .filter((e) => e.isFile() && e.name.endsWith('.png'))
          .map(async (e) => {
            const path = join(e.parentPath, e.name)
            const info = await stat(path)
            return { key: relative(root, path).split(sep).join('/'), size: info.size, used: info.atimeMs }
          }),
      )
      for (const file of files.sort((a, b) => a.used - b.used)) {
        sizes.set(file.key, file.size)
        total += file.size
      }
    })())

  const keyOf = (t: TileCoordinates) => `${t.z}/${t.x}/${t.y}.png`

  async function evict(): Promise<void> {
    for (const [key, size] of sizes) {
      if (total <= maxBytes * 0.9) return
      sizes.delete(key)
      total -= size
      await unlink(join(root, key)).catch(() => undefined)
    }
  }

  return {
    async get(tile) {
      await load()
      const key = keyOf(tile)
      const size = sizes.get(key)
      if (size === undefined) return null
      const body = await readFile(fileOf(tile)).catch(() => null)
      sizes.delete(key)
      if (!body) {
        total -= size
        return null
      }
      sizes.set(key, size)
      return new Uint8Array(body)
    },
    async put(tile, body) {
      if (maxBytes <= 0 || body.byteLength > maxBytes) return
      await load()
      const key = keyOf(tile)
      const file = fileOf(tile)
      await mkdir(dirname(file), { recursive: true })
      // Written aside and renamed, so a crash never leaves half a tile to serve.
      const temporary = `${file}.${process.pid}.tmp`
      await writeFile(temporary, body)
      await rename(temporary, file)
      total += body.byteLength - (sizes.get(key) ?? 0)
      sizes.delete(key)
      sizes.set(key, body.byteLength)
      if (total > maxBytes) await evict()
    },
  }
}
