/**
 * Imports and exports the 居場所マップ data as the CSV that staff keep in Excel.
 *   tsx src/tools/places-data.ts import places file.csv   (UTF-8 with or without BOM, or Shift_JIS)
 *   tsx src/tools/places-data.ts export events [out.csv]   (UTF-8 with BOM; default public/data/events.csv)
 * An import writes nothing unless every row is valid; it then rewrites both the JSON and the published CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { eventsFileSchema, placesFileSchema, type Place, type PlaceEvent } from '../shared/schemas/places'
import { decodeCsvBytes, UTF8_BOM } from '../shared/places/csv'
import { eventsFromCsv, eventsToCsv, placesFromCsv, placesToCsv } from '../shared/places/data-files'

export type Dataset = 'places' | 'events'

export interface RunOptions {
  dataDir: string
  out: (line: string) => void
  err: (line: string) => void
}

const files = (dataDir: string, dataset: Dataset) => ({ json: resolve(dataDir, `${dataset}.json`), csv: resolve(dataDir, `${dataset}.csv`) })

function readPlaces(dataDir: string): Place[] {
  return placesFileSchema.parse(JSON.parse(readFileSync(files(dataDir, 'places').json, 'utf8')))
}
function readEvents(dataDir: string): PlaceEvent[] {
  return eventsFileSchema.parse(JSON.parse(readFileSync(files(dataDir, 'events').json, 'utf8')))
}

function write(dataDir: string, dataset: Dataset, items: readonly unknown[], csv: string): void {
  const { json, csv: csvFile } = files(dataDir, dataset)
  writeFileSync(json, JSON.stringify(items, null, 2) + '\n')
  writeFileSync(csvFile, UTF8_BOM + csv)
}

/** Returns the exit code. */
export function importCsv(dataset: Dataset, file: string, options: RunOptions): number {
  const { text, encoding } = decodeCsvBytes(readFileSync(file))
  const result = dataset === 'places' ? placesFromCsv(text) : eventsFromCsv(text, readPlaces(options.dataDir))
  if (!result.ok) {
    for (const error of result.errors) options.err(error.message)
    options.err(`${result.errors.length}件の問題があります。どのファイルも書きかえていません。直してから、もう一度実行してください。`)
    return 1
  }
  if (dataset === 'places') {
    const orphans = readEvents(options.dataDir).filter((e) => !result.items.some((p) => p.id === e.placeId))
    if (orphans.length > 0) {
      options.err(`催し（events）が、なくなる場所を指しています: ${orphans.map((e) => `${e.id} → ${e.placeId}`).join('、')}。どのファイルも書きかえていません。`)
      return 1
    }
  }
  const csv = dataset === 'places' ? placesToCsv(result.items as Place[]) : eventsToCsv(result.items as PlaceEvent[])
  write(options.dataDir, dataset, result.items, csv)
  options.out(`${result.items.length}件を読み込みました（文字コード: ${encoding}）。${dataset}.json と ${dataset}.csv を書きかえました。`)
  return 0
}

export function exportCsv(dataset: Dataset, outFile: string | undefined, options: RunOptions): number {
  const csv = dataset === 'places' ? placesToCsv(readPlaces(options.dataDir)) : eventsToCsv(readEvents(options.dataDir))
  const target = outFile ?? files(options.dataDir, dataset).csv
  writeFileSync(target, UTF8_BOM + csv)
  options.out(`${target} に書き出しました（UTF-8、BOM付き）。`)
  return 0
}

function main(argv: string[]): number {
  const [action, dataset, file] = argv
  const options: RunOptions = { dataDir: resolve(process.env.DATA_FILES_DIR ?? 'public/data'), out: console.log, err: console.error }
  if ((dataset !== 'places' && dataset !== 'events') || (action !== 'import' && action !== 'export')) {
    options.err('使い方: npm run import:places -- ファイル.csv ／ npm run export:places [-- 出力.csv]（events も同じ）')
    return 2
  }
  if (action === 'import') {
    if (!file) {
      options.err('読み込む CSV ファイルを指定してください。例: npm run import:places -- places.csv')
      return 2
    }
    return importCsv(dataset, file, options)
  }
  return exportCsv(dataset, file, options)
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('places-data.ts')) {
  process.exitCode = main(process.argv.slice(2))
}
