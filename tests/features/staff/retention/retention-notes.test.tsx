import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RetentionNote, StaleBadge } from '@/features/staff/retention/retention-notes'

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString()

describe('職員の画面: 手つかずの相談と、消える日', () => {
  it('30日以上だれも触っていない対応中の相談には「30日以上手つかず」が付き、終了した相談には付かない', () => {
    const { rerender } = render(<StaleBadge summary={{ status: 'contacted', updatedAt: daysAgo(31) }} />)
    expect(screen.getByText('30日以上手つかず')).toBeInTheDocument()
    rerender(<StaleBadge summary={{ status: 'contacted', updatedAt: daysAgo(29) }} />)
    expect(screen.queryByText('30日以上手つかず')).toBeNull()
    rerender(<StaleBadge summary={{ status: 'closed', updatedAt: daysAgo(100) }} />)
    expect(screen.queryByText('30日以上手つかず')).toBeNull()
  })

  it('相談のページは、手つかずなら知らせ、いつ消えるかを規則ごとに書く', () => {
    const { rerender } = render(<RetentionNote summary={{ status: 'received', updatedAt: '2026-01-10T03:00:00.000Z' }} />)
    expect(screen.getByText(/30日以上、だれも返事・メモ・相談記録・状態の変更をしていません/)).toBeInTheDocument()
    expect(screen.getByText(/このまま180日やりとりがないと、2026年7月9日に消えます/)).toBeInTheDocument()
    rerender(<RetentionNote summary={{ status: 'closed', updatedAt: daysAgo(1) }} />)
    expect(screen.getByText('終了にした日から365日で消えます。')).toBeInTheDocument()
    rerender(<RetentionNote summary={{ status: 'cancelled', updatedAt: daysAgo(1) }} />)
    expect(screen.getByText('キャンセルになった日から30日で消えます。')).toBeInTheDocument()
  })
})
