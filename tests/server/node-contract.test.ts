import { afterAll, beforeAll } from 'vitest'
import { defineAbuseContract } from './contract/abuse-contract'
import { defineApiContract } from './contract/api-contract'
import { startNodeApp } from './helpers/node-app'

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp()
})
afterAll(() => node.close())

defineApiContract(() => node.target)
defineAbuseContract(() => node.target)
