import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paths } from '@/app/paths'
import { renderRoute } from '../../helpers/render-route'

interface Case {
  path: string
  ja: string
  en: string
  /** The h1 in やさしい日本語 with the readings left out, and one reading that must show as <rt>. */
  easy: [text: string, reading: string]
  links: Array<[ja: string, href: string]>
}

const CASES: Case[] = [
  {
    path: paths.hurdleWho,
    ja: 'だれが相談できるの？',
    en: 'Who can ask for help?',
    easy: ['だれが 相談できるの？', 'そうだん'],
    links: [
      ['ニックネームで予約する', paths.book],
      ['名前を言わないとだめ？', paths.hurdleName],
      ['相談窓口を見る', paths.windows],
      ['家族の方へ', paths.family],
    ],
  },
  {
    path: paths.hurdleName,
    ja: '名前を言わないとだめ？',
    en: 'Must I give my name?',
    easy: ['名前を 言わないと だめ？', 'なまえ'],
    links: [
      ['ニックネームで予約する', paths.book],
      ['秘密は守られる？', paths.hurdleSecret],
      ['予約が必要？待つの？', paths.hurdleWait],
    ],
  },
  {
    path: paths.hurdleAfter,
    ja: '相談したらどうなるの？',
    en: 'What happens after I ask?',
    easy: ['相談したら どうなるの？', 'そうだん'],
    links: [
      ['相談のあとの流れを見る', paths.next],
      ['ニックネームで予約する', paths.book],
      ['家族の方へ', paths.family],
    ],
  },
  {
    path: paths.hurdleWait,
    ja: '予約が必要？待つの？',
    en: 'Do I need to book? Will I wait?',
    easy: ['予約が いるの？ 待つの？', 'よやく'],
    links: [
      ['ニックネームで予約する', paths.book],
      ['相談窓口を見る', paths.windows],
      ['相談したらどうなるの？', paths.hurdleAfter],
    ],
  },
  {
    path: paths.hurdleSecret,
    ja: '秘密は守られる？',
    en: 'Will it stay private?',
    easy: ['秘密は 守られるの？', 'ひみつ'],
    links: [
      ['見られたくないときは', paths.safety],
      ['ニックネームで予約する', paths.book],
      ['名前を言わないとだめ？', paths.hurdleName],
    ],
  },
  {
    path: paths.next,
    ja: '相談のあとの流れ',
    en: 'What happens next',
    easy: ['相談の あとの ながれ', 'そうだん'],
    links: [
      ['ニックネームで予約する', paths.book],
      ['相談窓口を見る', paths.windows],
      ['家族の方へ', paths.family],
    ],
  },
  {
    path: paths.family,
    ja: '家族の方へ',
    en: 'For families',
    easy: ['家族の 人へ', 'かぞく'],
    links: [
      ['ニックネームで予約する', paths.book],
      ['相談のあとの流れを見る', paths.next],
      ['相談窓口を見る', paths.windows],
    ],
  },
  {
    path: paths.safety,
    ja: '見られたくないときは',
    en: 'If you do not want to be seen',
    easy: ['見られたくない ときは', 'み'],
    links: [
      ['秘密は守られる？', paths.hurdleSecret],
      ['ニックネームで予約する', paths.book],
      ['トップページへ戻る', paths.home],
    ],
  },
]

/** The heading as a sighted reader sees it: ruby bases without the readings in <rt>/<rp>. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement
  copy.querySelectorAll('rt, rp').forEach((node) => node.remove())
  return copy.textContent ?? ''
}

describe('ガイドページ', () => {
  for (const page of CASES) {
    describe(page.path, () => {
      it(`日本語: 見出し「${page.ja}」と、次へのリンク`, async () => {
        await renderRoute(page.path, 'ja')
        expect(await screen.findByRole('heading', { level: 1, name: page.ja })).toBeInTheDocument()
        await waitFor(() => expect(document.title).toBe(`${page.ja} | つなぐ`))
        const next = screen.getByRole('navigation', { name: '次にできること' })
        const links = within(next).getAllByRole('link')
        expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(page.links)
      })

      it('やさしい日本語: 見出しにふりがな（<ruby>）がある', async () => {
        await renderRoute(page.path, 'ja-easy')
        const heading = await screen.findByRole('heading', { level: 1 })
        expect(visibleText(heading)).toBe(page.easy[0])
        const readings = [...heading.querySelectorAll('ruby rt')].map((rt) => rt.textContent)
        expect(readings).toContain(page.easy[1])
        const next = screen.getByRole('navigation', { name: 'つぎに できる こと' })
        expect(within(next).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(page.links.map(([, href]) => href))
      })

      it(`English: heading "${page.en}"`, async () => {
        await renderRoute(page.path, 'en')
        expect(await screen.findByRole('heading', { level: 1, name: page.en })).toBeInTheDocument()
        expect(screen.getByRole('link', { name: 'Book with a nickname' })).toHaveAttribute('href', paths.book)
        expect(screen.getByRole('main').textContent).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
      })
    })
  }
})

describe('ガイドページの大切な中身', () => {
  it('名前のページ: 受付番号をなくさないよう、目立つ箱で伝える', async () => {
    await renderRoute(paths.hurdleName, 'ja')
    const callout = await screen.findByText(/受付番号は、なくさないようにしまってください/)
    expect(callout.tagName).toBe('P')
    const never = screen.getByRole('heading', { level: 2, name: '聞かないこと' }).closest('section')!
    expect(within(never).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['名前（本名）', '住所', '生年月日'])
  })

  it('秘密のページ: できないことも正直に書く', async () => {
    await renderRoute(paths.hurdleSecret, 'ja')
    const limits = await screen.findByRole('heading', { level: 2, name: 'できないことも、正直にお伝えします' })
    const section = limits.closest('section')!
    expect(within(section).getAllByRole('listitem')).toHaveLength(3)
    expect(section).toHaveTextContent('IPアドレス')
  })

  it('相談のあとの流れ: 予約から順に4つの段階を番号つきで示す', async () => {
    await renderRoute(paths.next, 'ja')
    const steps = await screen.findAllByRole('heading', { level: 3 })
    expect(steps.map((h) => h.textContent)).toEqual(['予約する', 'はじめての相談：話を聞くだけ', '一緒に考える', '次の場所を選ぶ、または選ばない'])
    expect(steps[0]!.closest('ol')).not.toBeNull()
  })

  it('見られたくないとき: すぐに閉じるで消えないもの（履歴、アイコン、未送信の予約）を書く', async () => {
    await renderRoute(paths.safety, 'ja')
    const heading = await screen.findByRole('heading', { level: 2, name: '「すぐに閉じる」でもできないこと' })
    const items = within(heading.closest('section')!).getAllByRole('listitem').map((li) => li.textContent)
    expect(items).toEqual([expect.stringContaining('履歴'), expect.stringContaining('アイコン'), expect.stringContaining('まだ送れていない予約')])
  })
})

describe('予約が必要？待つの？', () => {
  it('予約なしで電話できることを、いまの受付状況と電話番号で示す', async () => {
    await renderRoute(paths.hurdleWait, 'ja')
    await screen.findByRole('heading', { level: 1, name: '予約が必要？待つの？' })
    expect(screen.getByRole('link', { name: /03-4566-2427/ })).toHaveAttribute('href', 'tel:0345662427')
    const statuses = screen.getAllByRole('status').map((node) => node.textContent)
    expect(statuses).toContainEqual(expect.stringMatching(/^(いま電話がつながります|いまは受付時間外です)/))
  })
})
