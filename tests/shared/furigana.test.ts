import { describe, expect, it } from 'vitest'
import { kanjiWithoutReading, rubyFromReading, sentencesOf } from '@/shared/furigana'

describe('rubyFromReading: 名前のかなの読みを、漢字の上にのせる', () => {
  it('名前のかなを手がかりに、漢字のまとまりごとに読みを分ける（カタカナの読みでも）', () => {
    expect(rubyFromReading('豊島区ひきこもり相談窓口', 'としまくひきこもりそうだんまどぐち')).toBe('{豊島区|としまく}ひきこもり{相談窓口|そうだんまどぐち}')
    expect(rubyFromReading('豊島区ひきこもり相談窓口', 'トシマク ヒキコモリ ソウダンマドグチ')).toBe('{豊島区|としまく}ひきこもり{相談窓口|そうだんまどぐち}')
    expect(rubyFromReading('障がい者支援センター（市内5か所）', 'しょうがいしゃしえんせんたー しない5かしょ')).toBe('{障|しょう}がい{者支援|しゃしえん}センター（{市内|しない}5か{所|しょ}）')
  })

  it('名前の空白や記号で分かれた漢字は、読みの空白で分ける。空白がなければ一つのまとまりにする', () => {
    expect(rubyFromReading('豊島区役所 本庁舎4階', 'としまくやくしょ ほんちょうしゃよんかい')).toBe('{豊島区役所|としまくやくしょ} {本庁舎4階|ほんちょうしゃよんかい}')
    expect(rubyFromReading('豊島区役所 本庁舎', 'としまくやくしょほんちょうしゃ')).toBe('{豊島区役所 本庁舎|としまくやくしょほんちょうしゃ}')
  })

  it('英字や数字は、読みに書いても書かなくてもよい', () => {
    expect(rubyFromReading('ひきこもりUX女子会（豊島区）', 'ひきこもりUXじょしかい としまく')).toBe('ひきこもりUX{女子会|じょしかい}（{豊島区|としまく}）')
    expect(rubyFromReading('ひきこもりUX女子会（豊島区）', 'ひきこもりじょしかい としまく')).toBe('ひきこもりUX{女子会|じょしかい}（{豊島区|としまく}）')
  })

  it('名前のかなが読みにないときは、合わない（null）', () => {
    expect(rubyFromReading('豊島区の居場所', 'としまくがいばしょ')).toBeNull()
    expect(rubyFromReading('豊島区ひきこもり相談窓口', 'としまく')).toBeNull()
  })
})

describe('kanjiWithoutReading と sentencesOf', () => {
  it('読みのない漢字だけを返す', () => {
    expect(kanjiWithoutReading('{相談|そうだん}は無料です')).toEqual(['無', '料'])
    expect(kanjiWithoutReading('{相談|そうだん}は ただです')).toEqual([])
  })

  it('句点と改行で文に分け、空白を数えず、日本語のない行は文にしない', () => {
    expect(sentencesOf('こんにちは。 元気 ですか？\n03-4566-2427\nEnglish')).toEqual(['こんにちは。', '元気ですか？'])
  })
})
