import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderRoute } from '../../helpers/render-route'
import { next } from './fill-booking'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

type User = ReturnType<typeof userEvent.setup>

async function untilWindowStep(user: User, mode: RegExp) {
  await user.click(await screen.findByRole('radio', { name: '家族のこと' }))
  await user.click(screen.getByRole('radio', { name: '親（わたしは、その方の父か母です）' }))
  await next(user)
  await user.type(screen.getByRole('textbox', { name: /ニックネーム/ }), 'はは')
  await next(user)
  await user.click(screen.getByRole('radio', { name: mode }))
  await next(user)
}

function hintOf(name: RegExp): string {
  const radio = screen.getByRole('radio', { name })
  return radio.closest('label')?.parentElement?.textContent ?? ''
}

describe('窓口の質問: 行き止まりを先に知らせる', () => {
  it('窓口ごとに話し方と、選んだ話し方の次の空きを示す。電話の時間がない窓口は、そう書く', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await untilWindowStep(user, /^電話/)
    await waitFor(() => expect(hintOf(/豊島区/)).toMatch(/電話の次の空き: \d+月\d+日（.） \d\d:\d\d/))
    expect(hintOf(/豊島区/)).toContain('話し方: 電話、来所、ビデオ通話、メール・手紙')
    expect(hintOf(/文京区/)).toContain('話し方: ビデオ通話、メール・手紙')
    expect(hintOf(/文京区/)).toContain('電話は、14日以内に空きがありません')
  })

  it('時間のない窓口を選ぶと、ほかの話し方・ほかの窓口・連絡を待つ、を出し、連絡を待つと時間の質問をとばして、正しい受付の画面になる', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await untilWindowStep(user, /^電話/)
    await user.click(screen.getByRole('radio', { name: /文京区/ }))
    const offer = await screen.findByRole('region', { name: '文京区ひきこもり支援センターは、14日以内に電話の空きがありません' })
    expect(within(offer).getByRole('button', { name: /^ビデオ通話にする（次の空き \d+月\d+日/ })).toBeInTheDocument()
    expect(within(offer).getByRole('button', { name: /^豊島区ひきこもり相談窓口にする（電話の次の空き \d+月\d+日/ })).toBeInTheDocument()
    await user.click(within(offer).getByRole('button', { name: '時間を決めずに、窓口からの連絡を待つ' }))

    expect(await screen.findByText('7問中 6問目')).toBeInTheDocument()
    await next(user)
    await user.click(screen.getByRole('checkbox', { name: '上のことを読んで、同意します' }))
    await user.click(screen.getByRole('button', { name: '送信する' }))
    expect(await screen.findByRole('heading', { name: '受け付けました' })).toBeInTheDocument()
    const main = document.body.textContent ?? ''
    expect(main).toContain('話す時間は、まだ決まっていません。窓口から連絡して、いっしょに決めます。')
    expect(main).toContain('窓口から連絡があります。話す時間を、いっしょに決めます。')
    for (const untrue of ['その時間に', '予約の時間に', '時間はまだ決めていません', 'カレンダーに入れる']) expect(main).not.toContain(untrue)
  })

  it('「ビデオ通話にする」を押すと話し方が変わり、次の質問にその窓口のビデオ通話の時間が出る', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await untilWindowStep(user, /^電話/)
    await user.click(screen.getByRole('radio', { name: /文京区/ }))
    const offer = await screen.findByRole('region', { name: /14日以内に電話の空きがありません/ })
    await user.click(within(offer).getByRole('button', { name: /^ビデオ通話にする/ }))
    await waitFor(() => expect(screen.queryByRole('region', { name: /空きがありません/ })).toBeNull())
    expect(hintOf(/文京区/)).toMatch(/ビデオ通話の次の空き: /)
    await next(user)
    const days = await screen.findAllByRole('group', { name: /\d+月\d+日（.）/ })
    expect(days.length).toBeGreaterThan(0)
    const requested = server.requests.filter((r) => r.startsWith('GET /api/windows/bunkyo/slots'))
    expect(requested.length).toBeGreaterThan(0)
  })
})
