/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

declare module 'virtual:jp-holidays' {
  export const holidayDates: ReadonlySet<string>
}

/** The part of deployment.json that every page needs (src/build/client-data.ts). */
declare module 'virtual:shell-config' {
  import type { ConsultationWindow } from '@/shared/schemas/deployment'
  export const appName: string
  export const quickExitUrl: string
  export const defaultWindow: Pick<ConsultationWindow, 'id' | 'name' | 'phone' | 'phoneHours' | 'closed'>
}
