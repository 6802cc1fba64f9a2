import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_BOOT_SCRIPT, LANGUAGE_BOOT_SCRIPT_HASH } from '@/shared/language-boot-script'
import { LANGUAGE_STORAGE_KEY } from '@/shared/language-paths'

/** Runs the script against a page at `url` with `stored` kept on the device; returns where it sent the page. */
function boot(url: string, stored: string | null | Error): { replacedBy: string | null; hidden: boolean } {
  const address = new URL(url, 'https://tsunagu.example')
  let replacedBy: string | null = null
  const style: Record<string, string> = {}
  const location = { pathname: address.pathname, search: address.search, hash: address.hash, replace: (to: string) => (replacedBy = to) }
  const localStorage = {
    getItem(key: string) {
      if (stored instanceof Error) throw stored
      return key === LANGUAGE_STORAGE_KEY ? stored : null
    },
  }
  new Function('location', 'localStorage', 'document', LANGUAGE_BOOT_SCRIPT)(location, localStorage, { documentElement: { style } })
  return { replacedBy, hidden: style.visibility === 'hidden' }
}

describe('<head> の言語のスクリプト', () => {
  it('CSP のハッシュはスクリプトの本文と一致する（スクリプトを変えたら、ハッシュも変える）', () => {
    const digest = createHash('sha256').update(LANGUAGE_BOOT_SCRIPT).digest('base64')
    expect(LANGUAGE_BOOT_SCRIPT_HASH).toBe(`'sha256-${digest}'`)
  })

  it('英語を選んだ人が言語のない URL（QR コード、ブックマーク）で来たら、描く前に同じページの英語の URL へ移る', () => {
    expect(boot('/who-can-consult?src=flyer-3#top', 'en')).toEqual({ replacedBy: '/en/who-can-consult?src=flyer-3#top', hidden: true })
    expect(boot('/', 'en')).toEqual({ replacedBy: '/en', hidden: true })
    expect(boot('/?src=kuho', 'ja-easy')).toEqual({ replacedBy: '/easy?src=kuho', hidden: true })
    expect(boot('/book?window=toshima', 'ja-easy').replacedBy).toBe('/easy/book?window=toshima')
  })

  it('言語のある URL は、保存した言語がちがっても、そのまま（URL が言語を決める）', () => {
    for (const url of ['/en', '/en/who-can-consult', '/easy', '/easy/book?window=toshima']) {
      for (const stored of ['ja', 'en', 'ja-easy']) expect(boot(url, stored), `${url} ${stored}`).toEqual({ replacedBy: null, hidden: false })
    }
  })

  it('日本語、選んでいない、読めない値、保存が使えない、スタッフのページなら何もしない', () => {
    for (const stored of ['ja', null, 'fr', 'constructor', new Error('SecurityError')]) {
      expect(boot('/who-can-consult', stored), String(stored)).toEqual({ replacedBy: null, hidden: false })
    }
    expect(boot('/staff/inbox', 'en').replacedBy).toBeNull()
    // A path that only starts like a prefix is Japanese.
    expect(boot('/english-page', 'en').replacedBy).toBe('/en/english-page')
  })

  it('古いリンクの ?lang= は、その訪問の選択として同じように移る（保存した選択より先）', () => {
    expect(boot('/book?window=toshima&src=kuho&lang=en', null).replacedBy).toBe('/en/book?window=toshima&src=kuho&lang=en')
    expect(boot('/map?lang=ja', 'en').replacedBy).toBeNull()
  })
})
