import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ReportsPage } from '@/features/staff/reports/reports-page'
import { bunkyoCases } from './bunkyo-fixture'

interface Saved {
  name: string
  rows: string[][]
  bom: boolean
}

/** jsdom cannot download: keep what the page hands to the browser (the file name and the blob). */
function captureDownloads(): Saved[] {
  const blobs = new Map<string, Blob>()
  const saved: Saved[] = []
  let n = 0
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${n++}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!
    const entry: Saved = { name: this.download, rows: [], bom: false }
    saved.push(entry)
    void blob.arrayBuffer().then((buffer) => {
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer)
      entry.bom = text.startsWith('\uFEFF')
      entry.rows = Papa.parse<string[]>(text.slice(1), { delimiter: ',', skipEmptyLines: true }).data
    })
  })
  return saved
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-02-10T09:00:00+09:00'))
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('相談実績のページ', () => {
  it('今の年度（令和6年度）の表を、見出しと行見出しのある表で見せる', () => {
    render(<ReportsPage cases={bunkyoCases()} windowName="文京区ひきこもり支援センター" />)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('相談実績文京区ひきこもり支援センター')
    expect(screen.getByRole('combobox', { name: '年度' })).toHaveDisplayValue('令和6年度')

    const methods = screen.getByRole('table', { name: '相談手法別実績（令和6年度）' })
    expect(within(methods).getByRole('row', { name: '電話相談 125' })).toBeInTheDocument()
    expect(within(methods).getByRole('row', { name: '計 253' })).toBeInTheDocument()
    const consulters = screen.getByRole('table', { name: '新規相談　初回相談の相談者（人数）（令和6年度）' })
    expect(within(consulters).getByRole('row', { name: '来所相談 4 1 12 5 3 4 23' })).toBeInTheDocument()
    expect(within(consulters).getByRole('columnheader', { name: '親のうち、80歳以上' })).toBeInTheDocument()
    const summary = screen.getByRole('table', { name: '相談実績' })
    expect(within(summary).getByRole('row', { name: '相談者内訳　本人 28% 23%' })).toBeInTheDocument()
    expect(within(summary).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['令和5年度', '令和6年度'])
    const months = screen.getByRole('table', { name: '月別の相談実績（令和6年度）' })
    expect(within(months).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '計'])
    expect(within(months).getByRole('row', { name: /^計 253 47 / })).toBeInTheDocument()
  })

  it('キーボードで年度を替えると、表がその年度になる', async () => {
    const user = userEvent.setup()
    render(<ReportsPage cases={bunkyoCases()} windowName="文京区ひきこもり支援センター" />)
    const year = screen.getByRole('combobox', { name: '年度' })
    expect(within(year).getAllByRole('option').map((o) => o.textContent)).toEqual(['令和7年度', '令和6年度', '令和5年度'])
    await user.tab()
    expect(year).toHaveFocus()
    await user.selectOptions(year, '令和7年度')
    const methods = screen.getByRole('table', { name: '相談手法別実績（令和7年度）' })
    expect(within(methods).getByRole('row', { name: 'SNS等オンラインによる相談（メール除く） 1' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: '月別の相談実績（令和7年度）' })).toBeInTheDocument()
  })

  it('表の CSV を保存すると、BOM つきのファイルに同じ数が入る', async () => {
    const saved = captureDownloads()
    const user = userEvent.setup()
    render(<ReportsPage cases={bunkyoCases()} windowName="文京区ひきこもり支援センター" />)
    await user.click(screen.getByRole('button', { name: '表を CSV で保存する' }))
    expect(screen.getByRole('status')).toHaveTextContent('表の CSV を作りました。')
    await vi.waitFor(() => expect(saved[0]?.rows.length).toBeGreaterThan(0))
    expect(saved[0]!.name).toBe('相談実績_令和6年度_文京区ひきこもり支援センター.csv')
    expect(saved[0]!.bom).toBe(true)
    expect(saved[0]!.rows[0]).toEqual(['文京区ひきこもり支援センター　令和6年度　相談実績'])
    expect(saved[0]!.rows).toContainEqual(['電話相談', '125'])
  })

  it('案件の CSV は、要配慮個人情報の注意を読んでからだけ保存でき、選んだ項目が入る', async () => {
    const saved = captureDownloads()
    const user = userEvent.setup()
    render(<ReportsPage cases={bunkyoCases()} windowName="文京区ひきこもり支援センター" />)
    const opener = screen.getByRole('button', { name: '案件の一覧を CSV で保存する…' })
    await user.click(opener)
    const dialog = screen.getByRole('alertdialog', { name: '要配慮個人情報が入ったファイルです' })
    expect(dialog).toHaveAccessibleDescription(/要配慮個人情報が入ります/)
    expect(within(dialog).getByRole('heading', { name: '要配慮個人情報が入ったファイルです' })).toHaveFocus()
    expect(saved).toEqual([])

    // Escape closes it without a file, and focus goes back to the button.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(opener).toHaveFocus()

    await user.keyboard('{Enter}')
    const again = screen.getByRole('alertdialog')
    expect(within(again).getByRole('checkbox', { name: 'ニックネーム' })).not.toBeChecked()
    await user.click(within(again).getByRole('checkbox', { name: 'ニックネーム' }))
    await user.click(within(again).getByRole('checkbox', { name: '状況' }))
    await user.click(within(again).getByRole('button', { name: '注意を読みました。保存する' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(opener).toHaveFocus()
    expect(screen.getByRole('status')).toHaveTextContent('案件の CSV を作りました。')
    await vi.waitFor(() => expect(saved[0]?.rows.length).toBeGreaterThan(0))
    expect(saved[0]!.name).toBe('案件一覧_令和6年度_文京区ひきこもり支援センター.csv')
    expect(saved[0]!.rows[0]).toEqual(['受付日', '受付の経路', '相談者', '続柄', '当事者の年代', '初回相談日', 'この年度の相談回数', 'ニックネーム'])
    expect(saved[0]!.rows).toHaveLength(1 + 73)
  })

  it('項目を1つも選ばないと保存せず、そう伝える', async () => {
    const saved = captureDownloads()
    const user = userEvent.setup()
    render(<ReportsPage cases={[]} windowName="豊島区ひきこもり相談窓口" />)
    await user.click(screen.getByRole('button', { name: '案件の一覧を CSV で保存する…' }))
    const dialog = screen.getByRole('alertdialog')
    for (const box of within(dialog).getAllByRole('checkbox')) if ((box as HTMLInputElement).checked) await user.click(box)
    await user.click(within(dialog).getByRole('button', { name: '注意を読みました。保存する' }))
    expect(within(dialog).getByRole('group', { name: '入れる項目' })).toHaveAccessibleDescription(/項目を1つ以上選んでください。/)
    expect(saved).toEqual([])
  })

  it('この端末で開けない案件があると、数に入っていないことを伝える', () => {
    render(<ReportsPage cases={[]} windowName="豊島区ひきこもり相談窓口" unreadable={2} />)
    expect(screen.getByText(/開けない案件が2件あります。その案件は数に入っていません。/)).toBeInTheDocument()
    expect(screen.getByRole('table', { name: '相談手法別実績（令和6年度）' })).toBeInTheDocument()
  })
})
