import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LANGUAGES } from '@/lib/languages'
import {
  LANGUAGE_BOOT_SCRIPT,
  LANGUAGE_BOOT_SCRIPT_HASH,
  LANGUAGE_PENDING_ATTRIBUTE,
  LANGUAGE_STORAGE_KEY,
} from '@/shared/language-boot-script'

const html = document.documentElement
const runBootScript = () => new Function(LANGUAGE_BOOT_SCRIPT)()

afterEach(() => {
  vi.useRealTimers()
  html.removeAttribute(LANGUAGE_PENDING_ATTRIBUTE)
})

describe('<head> の言語のスクリプト', () => {
  it('CSP のハッシュはスクリプトの本文と一致する（スクリプトを変えたら、ハッシュも変える）', () => {
    const digest = createHash('sha256').update(LANGUAGE_BOOT_SCRIPT).digest('base64')
    expect(LANGUAGE_BOOT_SCRIPT_HASH).toBe(`'sha256-${digest}'`)
  })

  it('スクリプトは同じ保存先と同じ属性を使う', () => {
    expect(LANGUAGE_BOOT_SCRIPT).toContain(JSON.stringify(LANGUAGE_STORAGE_KEY))
    expect(LANGUAGE_BOOT_SCRIPT).toContain(JSON.stringify(LANGUAGE_PENDING_ATTRIBUTE))
  })

  for (const language of LANGUAGES.filter((l) => l !== 'ja')) {
    it(`${language} を選んだ人には、日本語で書いたページを隠し、4秒たっても始まらなければ見せる`, () => {
      vi.useFakeTimers()
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
      runBootScript()
      expect(html.hasAttribute(LANGUAGE_PENDING_ATTRIBUTE)).toBe(true)
      vi.advanceTimersByTime(3999)
      expect(html.hasAttribute(LANGUAGE_PENDING_ATTRIBUTE)).toBe(true)
      vi.advanceTimersByTime(1)
      expect(html.hasAttribute(LANGUAGE_PENDING_ATTRIBUTE)).toBe(false)
    })
  }

  it('日本語、選んでいない、読めない値なら何もしない', () => {
    for (const stored of ['ja', null, 'fr']) {
      if (stored === null) localStorage.removeItem(LANGUAGE_STORAGE_KEY)
      else localStorage.setItem(LANGUAGE_STORAGE_KEY, stored)
      runBootScript()
      expect(html.hasAttribute(LANGUAGE_PENDING_ATTRIBUTE), String(stored)).toBe(false)
    }
  })
})
