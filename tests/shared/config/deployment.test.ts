// @vitest-environment node
import { describe, expect, it } from 'vitest'
import rawDeployment from '@/shared/config/deployment.json'
import { deploymentSchema, tileOrigin } from '@/shared/schemas/deployment'

describe('deployment configuration', () => {
  it('the sample configuration is valid', () => {
    expect(deploymentSchema.safeParse(rawDeployment).error).toBeUndefined()
  })

  it('holds the Toshima window from the seeds: phone 8:30–17:15, visits 9:00–16:30, 03-4566-2427', () => {
    const deployment = deploymentSchema.parse(rawDeployment)
    const toshima = deployment.windows.find((w) => w.id === 'toshima')
    expect(toshima?.phone).toBe('03-4566-2427')
    expect(toshima?.phoneHours).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:30', close: '17:15' }])
    expect(toshima?.visitHours[0]).toMatchObject({ open: '09:00', close: '16:30' })
  })

  it('rejects a default window that does not exist, with a key not prose', () => {
    const result = deploymentSchema.safeParse({ ...rawDeployment, defaultWindowId: 'nowhere' })
    expect(result.error?.issues.map((i) => i.message)).toContain('validation.defaultWindow')
  })

  it('rejects a window name in やさしい日本語 with a kanji that has no reading', () => {
    const [first, ...rest] = rawDeployment.windows
    const bare = { ...first, name: { ...first!.name, 'ja-easy': '{豊島区|としまく} ひきこもり 相談 {窓口|まどぐち}' } }
    const result = deploymentSchema.safeParse({ ...rawDeployment, windows: [bare, ...rest] })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['windows.0.name.ja-easy', 'validation.easyWithoutReading']])
  })

  it('rejects a quick-exit address that is not https', () => {
    expect(deploymentSchema.safeParse({ ...rawDeployment, quickExitUrl: 'http://example.com' }).success).toBe(false)
  })

  it('derives the tile origin the CSP allows from the tile URL', () => {
    expect(tileOrigin(deploymentSchema.parse(rawDeployment).map)).toBe('https://cyberjapandata.gsi.go.jp')
  })
})
