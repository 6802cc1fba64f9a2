import { describe, expect, it } from 'vitest'
import { withoutRuby } from '@/components/ruby-text'
import { GUIDE_PAGES, isGuidePageContent } from '@/features/guide/guide-content'
import { LANGUAGES, type Language } from '@/lib/languages'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

const files = import.meta.glob<Json>('/src/locales/*/*.json', { eager: true, import: 'default' })

function bundle(language: Language): Record<string, Json> {
  const prefix = `/src/locales/${language}/`
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, json]) => [path.slice(prefix.length, -'.json'.length), json]),
  )
}

/** Every leaf as [path, value]; arrays are indexed so their lengths are compared too. */
function leaves(value: Json, path = ''): Array<[string, Json]> {
  if (Array.isArray(value)) return [[`${path}.length`, value.length], ...value.flatMap((v, i) => leaves(v, `${path}[${i}]`))]
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return [[path, value]]
}

const INTERPOLATION = /\{\{\s*\w+\s*\}\}/g
const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\u3005]/

function strings(language: Language): Array<[string, string]> {
  return Object.entries(bundle(language)).flatMap(([namespace, json]) =>
    leaves(json)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([path, value]) => [`${namespace}:${path}`, value] as [string, string]),
  )
}

const ja = bundle('ja')

describe('ロケール: 3つの言語が同じキーを持つ', () => {
  it('ja の名前空間が空でない', () => {
    expect(Object.keys(ja).sort()).toEqual(expect.arrayContaining(['common', 'guide', 'home', 'windows']))
  })

  for (const language of LANGUAGES.filter((l) => l !== 'ja')) {
    it(`${language} は ja と同じ名前空間、同じキー、同じ配列の長さを持つ（多くも少なくもない）`, () => {
      const other = bundle(language)
      expect(Object.keys(other).sort()).toEqual(Object.keys(ja).sort())
      for (const namespace of Object.keys(ja)) {
        const expected = leaves(ja[namespace]!).map(([path, value]) => [path, typeof value === 'number' ? value : typeof value])
        const actual = leaves(other[namespace]!).map(([path, value]) => [path, typeof value === 'number' ? value : typeof value])
        expect(actual, `${language}/${namespace}.json`).toEqual(expected)
      }
    })
  }

  for (const language of LANGUAGES) {
    it(`${language} の文字列はすべて空でない`, () => {
      const empty = strings(language).filter(([, value]) => value.trim() === '')
      expect(empty).toEqual([])
    })

    it(`${language} の {{変数}} は ja と同じ`, () => {
      const jaVariables = new Map(strings('ja').map(([key, value]) => [key, (value.match(INTERPOLATION) ?? []).sort()]))
      for (const [key, value] of strings(language)) {
        expect((value.match(INTERPOLATION) ?? []).sort(), key).toEqual(jaVariables.get(key))
      }
    })

    it(`${language} のふりがな記法は正しい（withoutRuby のあとに { | } が残らない）`, () => {
      const broken = strings(language).filter(([, value]) => /[{}|]/.test(withoutRuby(value).replace(INTERPOLATION, '')))
      expect(broken).toEqual([])
    })
  }
})

describe('ロケール: ガイドページ', () => {
  for (const language of LANGUAGES) {
    for (const page of GUIDE_PAGES) {
      it(`${language} の ${page} はガイドページの形をしている`, () => {
        expect(isGuidePageContent((bundle(language).guide as Record<string, Json>)[page])).toBe(true)
      })
    }
  }

  it('ja のガイドページはどれも1分ほどで読める長さ（300〜800字）', () => {
    for (const page of GUIDE_PAGES) {
      const text = leaves((ja.guide as Record<string, Json>)[page]!)
        .map(([, value]) => (typeof value === 'string' ? value : ''))
        .join('')
      expect(text.length, page).toBeGreaterThanOrEqual(300)
      expect(text.length, page).toBeLessThanOrEqual(800)
    }
  })

  it('ja-easy のガイドページにはどれもふりがながある', () => {
    const guide = bundle('ja-easy').guide as Record<string, Json>
    for (const page of GUIDE_PAGES) {
      expect(JSON.stringify(guide[page]), page).toMatch(/\{[^{}|]+\|[^{}|]+\}/)
    }
  })

  it('ja-easy では、ふりがなのない漢字がない', () => {
    const bare = strings('ja-easy').filter(([, value]) =>
      KANJI.test(value.replace(INTERPOLATION, '').replace(/\{[^{}|]+\|[^{}|]+\}/g, '')),
    )
    expect(bare).toEqual([])
  })
})
