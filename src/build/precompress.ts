import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|webmanifest|csv|txt)$/
/** Below about one TCP packet, compression saves nothing worth a second file. */
const MIN_BYTES = 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** Writes `<file>.br` and `<file>.gz` next to one file; run it again whenever the file changes. */
export function precompressFile(path: string): void {
  const content = readFileSync(path)
  writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }))
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
}

/** Writes `<file>.br` and `<file>.gz` next to every compressible file of `dir` over 1 kB. */
export function precompressDirectory(dir: string): number {
  let written = 0
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue
    precompressFile(path)
    written++
  }
  return written
}

/**
 * The Node server sends these as they are (`serveStatic({ precompressed: true })`), so it never
 * compresses on the fly. Runs after vite-plugin-pwa wrote sw.js (its closeBundle has the default
 * order), so the worker is compressed too and its precache manifest never lists a .br/.gz file.
 */
export function precompress(): Plugin {
  let outDir = ''
  let ssr = false
  return {
    name: 'tsunagu:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      ssr = Boolean(config.build.ssr)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!ssr) precompressDirectory(outDir)
      },
    },
  }
}
