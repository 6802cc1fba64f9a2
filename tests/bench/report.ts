import { cpus, loadavg, totalmem } from 'node:os'
import type { BenchSection } from './bench-types'

type Row = BenchSection['rows'][number]

export interface BenchResults {
  date: string
  machine: ReturnType<typeof machineInfo>
  sections: Array<BenchSection & { file: string; seconds: number }>
  crashed: Array<{ file: string; error: string }>
  seconds?: number
}

export function machineInfo() {
  const list = cpus()
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  }
}

export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 })
}

function verdict(row: Row): string {
  if (row.ok === undefined) return ''
  return row.ok ? 'ok' : 'MISSED'
}

function cells(row: Row): string[] {
  return [row.name, `${formatValue(row.value)}${row.unit ? ` ${row.unit}` : ''}`, row.target ?? '', verdict(row)]
}

const HEADER = ['measure', 'value', 'target', '']

/** A plain-text table for the terminal (Japanese text counts as one column per character; good enough). */
export function toTable(section: BenchSection): string {
  const lines = [HEADER, ...section.rows.map(cells)]
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column]?.length ?? 0)))
  const render = (line: string[]) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [`\n${section.title}`, rule, render(HEADER), rule, ...lines.slice(1).map(render), rule].join('\n')
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

export function toMarkdown(results: BenchResults): string {
  const { machine } = results
  const out = [
    '# Bench results',
    '',
    `- date: ${results.date}`,
    `- machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load ${machine.loadAverage1m} at start, Node ${machine.node}, ${machine.platform}`,
    `- duration: ${(results.seconds ?? 0).toFixed(0)} s`,
    '',
  ]
  for (const section of results.sections) {
    out.push(`## ${section.title}`, '', `| ${HEADER.join(' | ')} |`, '|---|---:|---|---|')
    for (const row of section.rows) out.push(`| ${cells(row).map(escapeCell).join(' | ')} |`)
    out.push('')
  }
  for (const crash of results.crashed) out.push(`## ${crash.file} crashed`, '', '```', crash.error, '```', '')
  return `${out.join('\n')}\n`
}
