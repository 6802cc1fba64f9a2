/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

declare module 'virtual:jp-holidays' {
  export const holidayDates: ReadonlySet<string>
}
