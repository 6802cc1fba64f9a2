import { screen, within } from '@testing-library/react'
import type userEvent from '@testing-library/user-event'

type User = ReturnType<typeof userEvent.setup>

export async function next(user: User) {
  await user.click(screen.getByRole('button', { name: '次へ' }))
}

/** Answers steps 1–4 as the person, then stops on the slot step. */
export async function fillUntilSlot(user: User, nickname: string) {
  await user.click(await screen.findByRole('radio', { name: '自分のこと' }))
  await next(user)
  await user.type(screen.getByRole('textbox', { name: /ニックネーム/ }), nickname)
  await next(user)
  await user.click(screen.getByRole('radio', { name: /電話/ }))
  await next(user)
  await user.click(screen.getByRole('radio', { name: /豊島区ひきこもり相談窓口/ }))
  await next(user)
}

/** Picks the first open time shown on the slot step and returns its accessible name. */
export async function pickFirstSlot(user: User): Promise<HTMLElement> {
  const days = await screen.findAllByRole('group', { name: /\d+月\d+日（.）/ })
  const first = within(days[0]!).getAllByRole('radio')[0]!
  await user.click(first)
  return first
}

/** Steps 6 and 7: a message, then consent and send. */
export async function finishAndSend(user: User, message: string) {
  await next(user)
  if (message) await user.type(screen.getByRole('textbox', { name: /伝えたいこと/ }), message)
  await next(user)
  await user.click(screen.getByRole('checkbox', { name: '上のことを読んで、同意します' }))
  await user.click(screen.getByRole('button', { name: '送信する' }))
}
