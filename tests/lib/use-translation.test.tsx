import { act, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { changeLanguage } from '@/lib/i18n'
import { useText } from '@/lib/use-text'
import { useTranslation } from '@/lib/use-translation'

function Title() {
  const text = useText('common')
  return <p>{text.s('siteTagline')}</p>
}

function Late() {
  const { t, i18n } = useTranslation('late')
  return <p>{i18n.hasResourceBundle('ja', 'late') ? String(t('hello')) : 'loading'}</p>
}

afterEach(async () => {
  await act(() => changeLanguage('ja'))
})

describe('react-i18next なしの翻訳フック', () => {
  it('言語を切り替えると、表示中の文が切り替わる', async () => {
    render(<Title />)
    expect(screen.getByText('ひきこもりの相談の、はじめの一歩')).toBeInTheDocument()
    await act(() => changeLanguage('en'))
    expect(screen.queryByText('ひきこもりの相談の、はじめの一歩')).not.toBeInTheDocument()
    expect(document.querySelector('p')?.textContent).toBe(i18next.getResource('en', 'common', 'siteTagline'))
  })

  it('あとから読み込んだ名前空間が届くと、表示中のものが描き直される', () => {
    render(<Late />)
    expect(screen.getByText('loading')).toBeInTheDocument()
    act(() => {
      i18next.addResourceBundle('ja', 'late', { hello: 'あとから来た文' })
    })
    expect(screen.getByText('あとから来た文')).toBeInTheDocument()
    act(() => {
      i18next.removeResourceBundle('ja', 'late')
    })
  })

  it('開発中・テスト中は、ない文言で例外を投げる', () => {
    function Missing() {
      return <p>{useText('common').s('no.such.key')}</p>
    }
    expect(() => render(<Missing />)).toThrow('Missing translation: common:no.such.key')
  })
})
