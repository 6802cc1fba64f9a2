// @vitest-environment node
import { describe, expect, it } from 'vitest'
import rawDeployment from '@/shared/config/deployment.json'
import { DEFAULT_VIDEO_CONFIG, deploymentSchema } from '@/shared/schemas/deployment'
import { checkPastedLink, generateVideoLink, isJitsiLink, jitsiLink, jitsiRoomName, meetingLinkWithChoices, videoConfigOf } from '@/shared/video-link'

const jitsi = { provider: 'jitsi', baseUrl: 'https://meet.example.jp' } as const

describe('ビデオ通話のリンク（Jitsi）', () => {
  it('部屋の名前は 128 ビットの乱数（小文字の16進 32 けた）で、毎回ちがう', () => {
    const names = new Set(Array.from({ length: 200 }, () => jitsiRoomName()))
    expect(names.size).toBe(200)
    for (const name of names) expect(name).toMatch(/^tsunagu-[0-9a-f]{32}$/)
    expect(jitsiRoomName(new Uint8Array(16).fill(255))).toBe(`tsunagu-${'f'.repeat(32)}`)
    expect(() => jitsiRoomName(new Uint8Array(15))).toThrow()
  })

  it('フラグメントで参加前の画面を出し、スマホをアプリに送らない（新旧どちらの設定名も）', () => {
    const link = jitsiLink('https://meet.example.jp/', new Uint8Array(16))
    const url = new URL(link)
    expect(url.origin + url.pathname).toBe(`https://meet.example.jp/tsunagu-${'0'.repeat(32)}`)
    expect(url.search).toBe('')
    expect(url.hash.slice(1).split('&').sort()).toEqual(['config.deeplinking.disabled=true', 'config.disableDeepLinking=true', 'config.prejoinConfig.enabled=true'])
  })

  it('サブパスのサーバーでも部屋はその下にできる', () => {
    expect(jitsiLink('https://example.jp/meet', new Uint8Array(16))).toMatch(/^https:\/\/example\.jp\/meet\/tsunagu-0{32}#/)
  })

  it('設定のプロバイダーに従う: jitsi は新しいリンク、link は貼り付けだけ（null）', () => {
    expect(generateVideoLink(jitsi)).toMatch(/^https:\/\/meet\.example\.jp\/tsunagu-[0-9a-f]{32}#config\./)
    expect(generateVideoLink({ provider: 'link', baseUrl: 'https://example.jp' })).toBeNull()
  })

  it('deployment.json の video は省略できて、既定は Jitsi', () => {
    const { video: _omitted, ...withoutVideo } = deploymentSchema.parse(rawDeployment)
    expect(deploymentSchema.parse(withoutVideo).video).toEqual(DEFAULT_VIDEO_CONFIG)
    expect(videoConfigOf({})).toEqual(DEFAULT_VIDEO_CONFIG)
    expect(videoConfigOf({ video: jitsi })).toEqual(jitsi)
    expect(deploymentSchema.safeParse({ ...withoutVideo, video: { provider: 'jitsi', baseUrl: 'http://meet.example.jp' } }).success).toBe(false)
    expect(deploymentSchema.safeParse({ ...withoutVideo, video: { provider: 'skype', baseUrl: 'https://meet.example.jp' } }).success).toBe(false)
  })
})

describe('貼り付けたリンク（Zoom, Teams, Webex, LINE WORKS）', () => {
  it.each([
    'https://us02web.zoom.us/j/81234567890?pwd=abcDEF123',
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
    'https://example.webex.com/meet/soudan',
    'https://meet.worksmobile.com/rooms/abcd-efgh',
  ])('https のリンクはそのまま通る: %s', (link) => {
    expect(checkPastedLink(`  ${link}\n`)).toEqual({ ok: true, url: new URL(link).href })
  })

  it.each([
    ['http://zoom.us/j/1', 'validation.httpsOnly'],
    ['javascript:alert(1)', 'validation.httpsOnly'],
    ['data:text/html,hi', 'validation.httpsOnly'],
    ['zoom.us/j/1', 'validation.httpsOnly'],
    ['https://user:pass@zoom.us/j/1', 'validation.httpsOnly'],
    ['', 'validation.required'],
    [`https://zoom.us/${'a'.repeat(500)}`, 'validation.tooLong'],
  ])('断る: %s → %s', (link, error) => {
    expect(checkPastedLink(link)).toEqual({ ok: false, error })
  })
})

describe('/call で選んだこと（カメラを切る・声だけ）', () => {
  const link = jitsiLink(jitsi.baseUrl, new Uint8Array(16))

  it('自分の Jitsi の部屋なら、フラグメントに足す', () => {
    expect(meetingLinkWithChoices(link, jitsi, { cameraOff: false, audioOnly: false })).toBe(link)
    expect(meetingLinkWithChoices(link, jitsi, { cameraOff: true, audioOnly: false })).toBe(`${link}&config.startWithVideoMuted=true`)
    expect(meetingLinkWithChoices(link, jitsi, { cameraOff: false, audioOnly: true })).toBe(`${link}&config.startWithVideoMuted=true&config.startAudioOnly=true`)
  })

  it('ほかのサービスのリンクは変えない', () => {
    const zoom = 'https://zoom.us/j/1?pwd=x'
    expect(isJitsiLink(zoom, jitsi)).toBe(false)
    expect(isJitsiLink('https://meet.example.jp.evil.example/x', jitsi)).toBe(false)
    expect(meetingLinkWithChoices(zoom, jitsi, { cameraOff: true, audioOnly: true })).toBe(zoom)
  })
})
