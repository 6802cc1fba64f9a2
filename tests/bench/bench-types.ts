export type BenchSection = {
  title: string
  rows: Array<{ name: string; value: number | string; unit?: string; target?: string; ok?: boolean }>
}
