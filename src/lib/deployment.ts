import rawDeployment from '@/shared/config/deployment.json'
import type { ConsultationWindow, Deployment, Localized } from '@/shared/schemas/deployment'

/**
 * The deployment configuration. vite.config.ts parses it with `deploymentSchema` at every build
 * and tests/shared parse it too, so the client does not ship zod just to read it again.
 */
export const deployment = rawDeployment as unknown as Deployment

export function defaultWindow(): ConsultationWindow {
  return deployment.windows.find((w) => w.id === deployment.defaultWindowId) ?? (deployment.windows[0] as ConsultationWindow)
}

export function localized(value: Localized, language: string): string {
  return value[language as keyof Localized] ?? value.ja
}
