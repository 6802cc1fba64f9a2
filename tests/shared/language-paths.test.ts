// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { withBase, withoutBase } from '@/lib/router-base'
import { campaignLanding } from '@/shared/schemas/campaigns'
import { languagePath, splitLanguagePath } from '@/shared/language-paths'

describe('言語ごとの URL', () => {
  it('URL から言語とアプリの中のパスを読む', () => {
    expect(splitLanguagePath('/')).toEqual({ language: 'ja', path: '/' })
    expect(splitLanguagePath('/book')).toEqual({ language: 'ja', path: '/book' })
    expect(splitLanguagePath('/en')).toEqual({ language: 'en', path: '/' })
    expect(splitLanguagePath('/en/')).toEqual({ language: 'en', path: '/' })
    expect(splitLanguagePath('/en/map/places/x')).toEqual({ language: 'en', path: '/map/places/x' })
    expect(splitLanguagePath('/easy/who-can-consult')).toEqual({ language: 'ja-easy', path: '/who-can-consult' })
    expect(splitLanguagePath('/english')).toEqual({ language: 'ja', path: '/english' })
    expect(splitLanguagePath('/easyread')).toEqual({ language: 'ja', path: '/easyread' })
  })

  it('パスをその言語の URL にする（トップは /en、クエリはそのまま）', () => {
    expect(languagePath('ja', '/book?window=toshima')).toBe('/book?window=toshima')
    expect(languagePath('en', '/')).toBe('/en')
    expect(languagePath('en', '/?src=a')).toBe('/en?src=a')
    expect(languagePath('ja-easy', '/book?window=toshima')).toBe('/easy/book?window=toshima')
  })

  it('ふつうのリンクの href とルーターのパスを行き来する', () => {
    expect(withBase('', '/book')).toBe('/book')
    expect(withBase('/en', '/')).toBe('/en')
    expect(withBase('/en', '/map/places/a')).toBe('/en/map/places/a')
    expect(withoutBase('/en', '/en/status?x=1')).toBe('/status?x=1')
    expect(withoutBase('/en', '/en')).toBe('/')
    expect(withoutBase('/en', '/en?src=a')).toBe('/?src=a')
    expect(withoutBase('/en', '/english')).toBe('/english')
    expect(withoutBase('', '/status')).toBe('/status')
  })

  it('チラシの短いリンクは、キャンペーンの言語の URL へ', () => {
    expect(campaignLanding({ code: 'c1', targetPath: '/book?window=toshima', language: 'en' })).toBe('/en/book?window=toshima&src=c1')
    expect(campaignLanding({ code: 'c1', targetPath: '/', language: 'ja-easy' })).toBe('/easy?src=c1')
    expect(campaignLanding({ code: 'c1', targetPath: '/en/map?kind=family', language: 'ja' })).toBe('/map?kind=family&src=c1')
  })
})
