import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { APP_LOADER_SCRIPT, APP_LOADER_SCRIPT_HASH } from '@/shared/app-loader-script'

interface Run {
  /** `src` of each script the loader put into the page, in order. */
  appended: string[]
  /** Reports the first contentful paint to the page's paint observer. */
  paint: () => void
  /** Runs the timers that are due after `ms`. */
  tick: (ms: number) => void
}

/** Runs the loader on a page whose root names `entry`, in a browser that reports paints or not. */
function load(entry: string | null, { hidden = false, paintTiming = true } = {}): Run {
  const appended: string[] = []
  let now = 0
  const timers: { at: number; run: () => void }[] = []
  const setTimeout = (run: () => void, ms = 0) => timers.push({ at: now + ms, run })
  let observer: ((list: { getEntriesByName: (name: string) => unknown[] }) => void) | null = null
  class PerformanceObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'largest-contentful-paint'] : ['resource']
    constructor(callback: typeof observer) {
      observer = callback
    }
    observe() {}
  }
  const document = {
    visibilityState: hidden ? 'hidden' : 'visible',
    getElementById: (id: string) => (id === 'root' ? { getAttribute: (name: string) => (name === 'data-entry' ? entry : null) } : null),
    createElement: () => ({}) as { src?: string },
    head: { appendChild: (script: { src: string; type: string }) => appended.push(`${script.type} ${script.src}`) },
  }
  const requestAnimationFrame = (run: () => void) => setTimeout(run, 16)
  new Function('document', 'window', 'setTimeout', 'requestAnimationFrame', APP_LOADER_SCRIPT)(document, { PerformanceObserver }, setTimeout, requestAnimationFrame)
  return {
    appended,
    paint: () => observer?.({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
    tick(ms) {
      now += ms
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1)
        timer.run()
      }
    },
  }
}

describe('ページの終わりの、アプリを読み込むスクリプト', () => {
  it('CSP のハッシュはスクリプトの本文と一致する（スクリプトを変えたら、ハッシュも変える）', () => {
    const digest = createHash('sha256').update(APP_LOADER_SCRIPT).digest('base64')
    expect(APP_LOADER_SCRIPT_HASH).toBe(`'sha256-${digest}'`)
  })

  it('文字が描かれた（first-contentful-paint）と知らされるまで、アプリを取りに行かない。その後に一度だけ', () => {
    const run = load('/assets/index-abc.js')
    run.tick(1000)
    expect(run.appended).toEqual([])
    run.paint()
    expect(run.appended).toEqual([])
    run.tick(0)
    expect(run.appended).toEqual(['module /assets/index-abc.js'])
    run.paint()
    run.tick(5000)
    expect(run.appended).toHaveLength(1)
  })

  it('描画が知らされなくても、3 秒で始める（すぐ逃げるボタンが動かないままにしない）', () => {
    const run = load('/assets/index-abc.js')
    run.tick(2999)
    expect(run.appended).toEqual([])
    run.tick(1)
    expect(run.appended).toEqual(['module /assets/index-abc.js'])
  })

  it('隠れたタブ（描かない）ではすぐ、描画の時刻がないブラウザでは次のフレームのあと', () => {
    expect(load('/assets/index-abc.js', { hidden: true }).appended).toEqual(['module /assets/index-abc.js'])
    const old = load('/assets/index-abc.js', { paintTiming: false })
    old.tick(16)
    expect(old.appended).toEqual([])
    old.tick(0)
    expect(old.appended).toEqual(['module /assets/index-abc.js'])
  })

  it('アプリの入口が書かれていないページでは何もしない', () => {
    const run = load(null)
    run.paint()
    run.tick(5000)
    expect(run.appended).toEqual([])
  })
})
