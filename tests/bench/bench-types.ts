export interface BenchRow {
  name: string
  value: number | string
  unit?: string
  target?: string
  ok?: boolean
}

export interface BenchSection {
  title: string
  rows: BenchRow[]
}
