/** Furigana as the やさしい日本語 texts write it: `{漢字|かんじ}`. */
export const RUBY_MARKUP = /\{([^{}|]+)\|([^{}|]+)\}/g

const KANJI = /[\p{Script=Han}々〆ヶ]/u
const KANJI_ALL = /[\p{Script=Han}々〆ヶ]/gu
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u
/** Letters a reading may leave out: spaces and punctuation. */
const SILENT = /[\s\p{P}\p{S}]/gu

export function hasKanji(text: string): boolean {
  return KANJI.test(text)
}

/** The kanji of a marked-up text that have no reading, in order (empty when every kanji has one). */
export function kanjiWithoutReading(markup: string): string[] {
  return markup.replace(RUBY_MARKUP, '').match(KANJI_ALL) ?? []
}

function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
}

/** What a reading is compared as: NFKC, hiragana, lower case, marks as spaces (or none). */
function plain(text: string, spaces: boolean): string {
  const normal = toHiragana(text.normalize('NFKC')).toLowerCase().replace(SILENT, ' ')
  return spaces ? normal.replace(/ +/g, ' ').trim() : normal.replace(/ /g, '')
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Part {
  kind: 'kana' | 'kanji' | 'other'
  text: string
}

const KANA_OR_NOT = /[\p{Script=Hiragana}\p{Script=Katakana}ー]+|[^\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu

/** Kana runs, kanji words (from a kanji to the last kanji before a space, mark or kana), and the rest. */
function parts(text: string): Part[] {
  const out: Part[] = []
  const push = (kind: Part['kind'], piece: string) => {
    const last = out[out.length - 1]
    if (piece === '') return
    if (last && last.kind === kind && kind !== 'kanji') last.text += piece
    else out.push({ kind, text: piece })
  }
  for (const [run] of text.matchAll(KANA_OR_NOT)) {
    if (KANA.test(run)) {
      push('kana', run)
      continue
    }
    for (const piece of run.split(/([\s\p{P}\p{S}]+)/u)) {
      const first = piece.search(KANJI)
      if (first < 0) {
        push('other', piece)
        continue
      }
      const end = piece.length - [...piece].reverse().join('').search(KANJI)
      push('other', piece.slice(0, first))
      push('kanji', piece.slice(first, end))
      push('other', piece.slice(end))
    }
  }
  return out
}

/** Kanji words with only spaces, marks, letters or digits between them, as one group. */
function joined(list: readonly Part[]): Part[] {
  const out: Part[] = []
  for (let i = 0; i < list.length; i++) {
    const part = list[i] as Part
    const last = out[out.length - 1]
    const next = list[i + 1]
    if (part.kind === 'other' && last?.kind === 'kanji' && next?.kind === 'kanji') {
      last.text += part.text + next.text
      i++
    } else if (part.kind === 'kanji' && last?.kind === 'kanji') last.text += part.text
    else out.push({ ...part })
  }
  return out
}

function align(list: readonly Part[], reading: string, spaces: boolean): string | null {
  const pattern = list
    .map((part, i) => {
      if (part.kind === 'kanji') return spaces ? '([^ ]+?)' : '(.+?)'
      const literal = plain(part.text, spaces)
      if (part.kind === 'kana') return escape(literal)
      const between = list[i - 1]?.kind === 'kanji' && list[i + 1]?.kind === 'kanji'
      if (spaces && literal === '' && /\s|\p{P}|\p{S}/u.test(part.text)) return between ? ' ' : ' ?'
      const words = literal.split(' ').filter(Boolean).map((w) => `(?:${escape(w)})?`)
      return spaces ? ` ?${words.join(' ?')} ?` : words.join('')
    })
    .join('')
  const match = new RegExp(`^${pattern}$`, 'u').exec(plain(reading, spaces))
  if (!match) return null
  let group = 1
  return list.map((part) => (part.kind === 'kanji' ? `{${part.text}|${match[group++] as string}}` : part.text)).join('')
}

/**
 * Puts a kana reading (hiragana or katakana, as an Excel フリガナ column holds it) over the kanji of
 * `text`, as `{漢字|かんじ}` markup. The kana of the text anchor the reading, so
 * 豊島区ひきこもり相談窓口 + としまくひきこもりそうだんまどぐち gives
 * `{豊島区|としまく}ひきこもり{相談窓口|そうだんまどぐち}`; a space in the reading where the text has
 * a space or mark between two kanji words splits them. Letters, digits and marks may be copied or
 * left out. Returns null when the reading does not fit the text.
 */
export function rubyFromReading(text: string, reading: string): string | null {
  const list = parts(text)
  return align(list, reading, true) ?? align(joined(list), reading, false)
}

/** Sentences, readings already removed: split after 。！？ and at line ends. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n|(?<=[。！？!?])/u)
    .map((s) => s.replace(/\s+/gu, ''))
    .filter((s) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(s))
}
