import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderRoute } from '../../helpers/render-route'

describe('トップページ', () => {
  it('5つの質問、予約、家族の方へ、電話番号を示す', async () => {
    await renderRoute('/')
    const questions = await screen.findByRole('region', { name: '相談する前の、よくある心配' })
    for (const name of ['だれが相談できるの？', '名前を言わないとだめ？', '相談したらどうなるの？', '予約が必要？待つの？', '秘密は守られる？', '家族の方へ']) {
      expect(within(questions).getByRole('link', { name })).toBeInTheDocument()
    }
    expect(screen.getByRole('link', { name: 'ニックネームで予約する' })).toHaveAttribute('href', '/book')
    expect(screen.getByRole('link', { name: /03-4566-2427/ })).toHaveAttribute('href', 'tel:0345662427')
  })

  it('やさしい日本語ではふりがなを <ruby> で示す', async () => {
    const { container } = await renderRoute('/', 'ja-easy')
    await screen.findByRole('heading', { level: 1 })
    const ruby = container.querySelector('h1 ruby')
    expect(ruby?.textContent).toContain('なまえ')
  })

  it('すぐに閉じるボタンがある', async () => {
    await renderRoute('/')
    expect(await screen.findByRole('button', { name: 'すぐに閉じる' })).toBeInTheDocument()
  })
})
