import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UTF8_BOM } from '@/shared/places/csv'
import { exportCsv, importCsv } from '@/tools/places-data'

const bundled = resolve(import.meta.dirname, '../../../public/data')
let dir: string
let out: string[]
let err: string[]
const options = () => ({ dataDir: dir, out: (l: string) => out.push(l), err: (l: string) => err.push(l) })
const snapshot = () => ['places.json', 'places.csv', 'events.json', 'events.csv'].map((f) => readFileSync(join(dir, f), 'utf8'))

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagu-places-'))
  for (const f of ['places.json', 'places.csv', 'events.json', 'events.csv']) copyFileSync(join(bundled, f), join(dir, f))
  out = []
  err = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const HEADER =
  'id,name,name_kana,name_easy,name_en,kinds,municipality,municipality_easy,municipality_en,address,address_easy,address_en,lat,lng,audiences,booking_required,free,cost,cost_easy,cost_en,in_person,online,phone,email,url,contact_note,contact_note_easy,contact_note_en,about,about_easy,about_en,mood,mood_easy,mood_en,access,access_easy,access_en,window_id,source,source_kana,source_date'

function row(id: string, overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    id,
    name: `テスト会場 ${id}`,
    name_kana: 'てすとかいじょう',
    kinds: 'ibasho;women',
    municipality: '豊島区',
    lat: '35.72',
    lng: '139.71',
    audiences: 'self;women',
    booking_required: 'いいえ',
    free: 'はい',
    in_person: 'はい',
    online: 'いいえ',
    about: '説明です。"引用" と、カンマ, と\n改行を含みます。',
    mood: '話さなくても大丈夫。',
    source: '区の資料',
    source_kana: 'くのしりょう',
    source_date: '2025/8/22',
    ...overrides,
  }
  return HEADER.split(',')
    .map((h) => {
      const v = values[h] ?? ''
      return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
    })
    .join(',')
}

function withExistingPlaces(rows: string[]): string {
  const existing = readFileSync(join(dir, 'places.csv'), 'utf8').replace(UTF8_BOM, '').trimEnd()
  return [existing, ...rows].join('\r\n') + '\r\n'
}

describe('npm run import:places', () => {
  it('UTF-8（BOMなし）の CSV を読み込み、JSON と公開 CSV を書きかえる', () => {
    const file = join(dir, 'in.csv')
    writeFileSync(file, withExistingPlaces([row('test-utf8')]))
    expect(importCsv('places', file, options())).toBe(0)
    const places = JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8'))
    const added = places.find((p: { id: string }) => p.id === 'test-utf8')
    expect(added.about.ja).toBe('説明です。"引用" と、カンマ, と\n改行を含みます。')
    expect(added.source.date).toBe('2025-08-22')
    expect(added.location).toEqual({ lat: 35.72, lng: 139.71, approximate: true })
    expect(readFileSync(join(dir, 'places.csv'), 'utf8')).toContain('test-utf8')
    expect(out.join('\n')).toContain('文字コード: utf-8')
  })

  it('UTF-8（BOM付き）の CSV を読み込む', () => {
    const file = join(dir, 'in.csv')
    writeFileSync(file, UTF8_BOM + withExistingPlaces([row('test-bom')]))
    expect(importCsv('places', file, options())).toBe(0)
    expect(readFileSync(join(dir, 'places.json'), 'utf8')).toContain('"test-bom"')
    expect(out.join('\n')).toContain('utf-8-bom')
  })

  it('Shift_JIS の CSV（Excel の「CSV（コンマ区切り）」）を見分けて読み込む', () => {
    const file = join(dir, 'in.csv')
    writeFileSync(file, iconv.encode(withExistingPlaces([row('test-sjis', { name: '豊島区の居場所', name_kana: 'としまくのいばしょ', mood: '女性だけの会です。' })]), 'Shift_JIS'))
    expect(importCsv('places', file, options())).toBe(0)
    const places = JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8'))
    const added = places.find((p: { id: string }) => p.id === 'test-sjis')
    expect(added.name.ja).toBe('豊島区の居場所')
    expect(added.mood.ja).toBe('女性だけの会です。')
    expect(out.join('\n')).toContain('shift_jis')
  })

  it('まちがった行を、行番号と日本語の理由ですべて示し、何も書きかえない', () => {
    const before = snapshot()
    const header = readFileSync(join(dir, 'places.csv'), 'utf8').replace(UTF8_BOM, '').split('\r\n')[0]
    expect(header).toBe(HEADER)
    const csv =
      [
        HEADER,
        row('ok-1'),
        row('bad-kind', { kinds: 'ibasho;cafe' }),
        row('bad-bool', { free: 'たぶん' }),
        row('bad-lat', { lat: '北緯35度' }),
        row('ok-1'),
        row('no-name', { name: '' }),
        row('bad-email', { email: 'not-an-address' }),
        'short,row',
      ].join('\r\n') + '\r\n'
    const file = join(dir, 'bad.csv')
    writeFileSync(file, csv)
    expect(importCsv('places', file, options())).toBe(1)
    // The first data row holds a line break inside quotes, so every later record starts one line further down.
    expect(err).toEqual([
      '4行目: 「kinds」の「cafe」は使えません。使えるのは consultation、ibasho、family、women、work、health、education です（; で区切ります）。',
      '6行目: 「free」は「はい」か「いいえ」で書いてください（いまは「たぶん」）。',
      '8行目: 「lat」は数字で書いてください（いまは「北緯35度」）。',
      '10行目: 「id」の「ok-1」は2行目と同じです。',
      '12行目: 「name」が空です。',
      '14行目: 「email」の書き方が正しくありません。',
      '16行目: 列の数が2個です（見出しは41個）。',
      '7件の問題があります。どのファイルも書きかえていません。直してから、もう一度実行してください。',
    ])
    expect(snapshot()).toEqual(before)
  })

  it('漢字のある名前に読みがない行、読みが名前と合わない行、読みのない漢字がある やさしい日本語 の行を示し、何も書きかえない', () => {
    const before = snapshot()
    const csv =
      [
        HEADER,
        row('no-reading', { name: '豊島区の居場所', name_kana: '' }),
        row('kana-only', { name: 'よつばのカフェ', name_kana: '' }),
        row('wrong-reading', { name: '豊島区の居場所', name_kana: 'としまくがいばしょ' }),
        row('bare-easy', { mood_easy: '{話|はな}さなくても大丈夫。' }),
        row('no-source-reading', { source_kana: '' }),
      ].join('\r\n') + '\r\n'
    const file = join(dir, 'bad.csv')
    writeFileSync(file, csv)
    expect(importCsv('places', file, options())).toBe(1)
    expect(err.slice(0, -1)).toEqual([
      '2行目: 「name」に漢字があるのに、読み「name_kana」が空です。ひらがなかカタカナで読みを書いてください（例: 豊島区ひきこもり相談窓口 → としまく ひきこもり そうだん まどぐち）。',
      '6行目: 「name_kana」の「としまくがいばしょ」は「name」の「豊島区の居場所」の読みになっていません。名前のひらがな・カタカナの部分が、読みにも同じ順で入っているか確かめてください。',
      '8行目: 「mood_easy」の漢字「大丈夫」に読みがありません。{漢字|かんじ} の形で書いてください。',
      '10行目: 「source」に漢字があるのに、読み「source_kana」が空です。ひらがなかカタカナで読みを書いてください（例: 豊島区ひきこもり相談窓口 → としまく ひきこもり そうだん まどぐち）。',
    ])
    expect(snapshot()).toEqual(before)
  })

  it('見出しの列が足りないときは、その列の名前を示す', () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(file, 'id,name\r\nx,y\r\n')
    expect(importCsv('places', file, options())).toBe(1)
    expect(err[0]).toMatch(/^1行目: 見出しに「name_kana」「name_easy」「name_en」「kinds」/)
  })

  it('閉じていない引用符は、その行番号で示す', () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(file, `${HEADER}\r\n"unterminated,${'x,'.repeat(10)}\r\n`)
    expect(importCsv('places', file, options())).toBe(1)
    expect(err[0]).toBe('2行目: 引用符（"）が閉じていません。')
  })
})

describe('npm run import:events', () => {
  it('知らない place_id と、日付と繰り返しの両方があるまちがいを示す', () => {
    const before = snapshot()
    const header = 'id,place_id,title,title_kana,title_easy,title_en,date,recurrence,weekday,start,end,note,note_easy,note_en,source,source_kana,source_date'
    const file = join(dir, 'in-events.csv')
    writeFileSync(
      file,
      [header, 'e-1,nowhere,茶話会,さわかい,,,2026/5/17,,,,,,,,資料,しりょう,2025', 'e-2,bunkyo-step,茶話会,さわかい,,,2026-05-17,weekly,,,,,,,資料,しりょう,2025', 'e-3,bunkyo-step,茶話会,さわかい,,,2026-05-17,,,14:00,13:00,,,,資料,しりょう,2025'].join('\r\n'),
    )
    expect(importCsv('events', file, options())).toBe(1)
    expect(err.slice(0, -1)).toEqual(['3行目: 「date」か「recurrence」の、どちらか一つだけを書いてください。', '4行目: 「end」が「start」より前です。'])
    writeFileSync(file, [header, 'e-1,nowhere,茶話会,さわかい,,,2026/5/17,,,9:30,,,,,資料,しりょう,2025'].join('\r\n'))
    err = []
    expect(importCsv('events', file, options())).toBe(1)
    expect(err[0]).toBe('2行目: 「place_id」の「nowhere」という場所がありません。')
    expect(snapshot()).toEqual(before)
  })
})

describe('往復（export → import）', () => {
  it('書き出した CSV を読み込むと、JSON がまったく同じになる', () => {
    const before = snapshot()
    const places = join(dir, 'places-out.csv')
    const events = join(dir, 'events-out.csv')
    expect(exportCsv('places', places, options())).toBe(0)
    expect(exportCsv('events', events, options())).toBe(0)
    expect(readFileSync(places).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(importCsv('places', places, options())).toBe(0)
    expect(importCsv('events', events, options())).toBe(0)
    expect(snapshot()).toEqual(before)
  })
})
