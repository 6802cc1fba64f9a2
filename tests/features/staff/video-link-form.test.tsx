import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CaseForms } from '@/features/staff/case/case-forms'
import { VideoLinkForm } from '@/features/staff/case/video-link-form'
import { openVideoLink } from '@/shared/crypto/video-link-seal'
import type { ReplyEnvelope } from '@/shared/schemas/envelope'
import type { CaseDetail } from '@/shared/schemas/staff'

vi.setConfig({ testTimeout: 30_000 })

const requestId = '0b6f3c1e-8d1a-4c55-9a0e-2f4f4b6c7d8e'
const replyKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
const detail = { requestId, windowId: 'toshima', mode: 'video', status: 'scheduled', video: null } as unknown as CaseDetail

/** What the browser sent to the server: the test reads the wire, as the server would. */
function recordPosts(): string[] {
  const bodies: string[] = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body))
    return new Response(JSON.stringify({}), { status: 200, headers: { 'content-type': 'application/json' } })
  })
  return bodies
}

afterEach(() => vi.unstubAllGlobals())

describe('案件のビデオ通話リンク（職員）', () => {
  it('「新しい部屋を作る」で部屋を作り、保存すると暗号だけを送る。受付番号の鍵で開くとそのリンク', async () => {
    const bodies = recordPosts()
    const user = userEvent.setup()
    render(<VideoLinkForm detail={detail} replyKey={replyKey} onChanged={async () => {}} />)
    await user.click(screen.getByRole('button', { name: '新しい部屋を作る' }))
    const link = (screen.getByRole('textbox', { name: 'ビデオ通話のリンク（https）' }) as HTMLInputElement).value
    expect(link).toMatch(/^https:\/\/[^/]+\/tsunagu-[0-9a-f]{32}#config\.prejoinConfig\.enabled=true/)
    await user.click(screen.getByRole('button', { name: 'リンクを保存' }))
    await screen.findByText('リンクを保存しました。')
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).not.toContain(link.split('#')[0]!.split('/').at(-1)!)
    const sent = JSON.parse(bodies[0]!) as { video: ReplyEnvelope }
    expect(await openVideoLink(replyKey, requestId, sent.video)).toBe(link)
  })

  it('https でないリンクは送らずに、その場で知らせる', async () => {
    const bodies = recordPosts()
    const user = userEvent.setup()
    render(<VideoLinkForm detail={detail} replyKey={replyKey} onChanged={async () => {}} />)
    await user.type(screen.getByRole('textbox', { name: 'ビデオ通話のリンク（https）' }), 'javascript:alert(1)')
    await user.click(screen.getByRole('button', { name: 'リンクを保存' }))
    expect((await screen.findByRole('alert')).textContent).toBe('https:// で始まるリンクを入れてください。')
    expect(bodies).toEqual([])
  })
})

describe('案件ページのビデオ通話リンク欄', () => {
  const shown = () => screen.queryByRole('heading', { name: 'ビデオ通話', level: 2 })

  it('ビデオ通話の予約にだけ出る。手紙や電話の案件には出ない', () => {
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }))
    const { rerender } = render(<CaseForms detail={{ ...detail, mode: 'letter' }} payload={null} onChanged={async () => {}} />)
    expect(shown()).toBeNull()
    rerender(<CaseForms detail={{ ...detail, mode: 'phone' } as CaseDetail} payload={null} onChanged={async () => {}} />)
    expect(shown()).toBeNull()
    rerender(<CaseForms detail={detail} payload={null} onChanged={async () => {}} />)
    expect(shown()).not.toBeNull()
  })

  it('ほかの方法に移した案件でも、残っているリンクは消せるように出る', () => {
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } }))
    const video = { v: 1, iv: 'x', ciphertext: 'y' } as unknown as CaseDetail['video']
    render(<CaseForms detail={{ ...detail, mode: 'letter', video } as CaseDetail} payload={null} onChanged={async () => {}} />)
    expect(shown()).not.toBeNull()
  })
})
