import { describe, expect, it } from 'vitest'
import { checkProof, makeChallenge, powSettingsOf, type PowSettings } from '../../src/server/abuse/proof-of-work'
import { solvePow } from '../../src/shared/proof-of-work/solve'
import { startNodeApp } from './helpers/node-app'

const settings: PowSettings = { secret: 'pow-unit-test-secret-0123456789abcdef0123', cost: 10, maxCounter: 4, ttlMs: 60_000 }
const unused = async () => true

describe('proof-of-work（altcha-lib v2、PBKDF2/SHA-256）', () => {
  it('解いた答えは通り、切れたチャレンジは proofExpired、別の秘密で署名したものは proofInvalid', async () => {
    const challenge = await makeChallenge(settings)
    const solution = (await solvePow(challenge))!
    expect(await checkProof(settings, { challenge, solution }, unused)).toBeNull()

    const short = await makeChallenge({ ...settings, ttlMs: 1 })
    const late = (await solvePow(short))!
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await checkProof(settings, { challenge: short, solution: late }, unused)).toBe('errors.proofExpired')

    const foreign = await makeChallenge({ ...settings, secret: 'another-secret-0123456789abcdef0123456789' })
    expect(await checkProof(settings, { challenge: foreign, solution: (await solvePow(foreign))! }, unused)).toBe('errors.proofInvalid')
  })

  it('難しさは環境変数で変えられ、既定は 10,000 回 × 30〜60 回目', () => {
    expect(powSettingsOf('s'.repeat(40), {})).toMatchObject({ cost: 10_000, maxCounter: 60, ttlMs: 300_000 })
    expect(powSettingsOf('s'.repeat(40), { POW_COST: '10', POW_MAX_COUNTER: 4 })).toMatchObject({ cost: 10, maxCounter: 4 })
  })

  it('使ったチャレンジは SQLite に切れるまで残り、2 度目は false。切れたものは掃除で消える', async () => {
    const node = await startNodeApp()
    try {
      const expires = new Date(Date.now() + 60_000).toISOString()
      expect(await node.store.useChallenge('aa', expires)).toBe(true)
      expect(await node.store.useChallenge('aa', expires)).toBe(false)
      expect(await node.store.purgeUsedChallenges(new Date(Date.now() + 30_000).toISOString())).toBe(0)
      expect(await node.store.purgeUsedChallenges(new Date(Date.now() + 120_000).toISOString())).toBe(1)
      expect(await node.store.useChallenge('aa', expires)).toBe(true)
    } finally {
      node.close()
    }
  })
})
