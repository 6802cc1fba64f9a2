import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const SRC = join(ROOT, 'src')

/** Hiragana, katakana (incl. half-width), kanji and Japanese punctuation such as 「」〜・. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/
const LETTERS = /\p{L}/u
/** Attributes a user sees or hears: they must come from the locales like visible text. */
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'alt', 'title', 'placeholder', 'label'])

/** Text that may stay in code, each with the reason. */
const ALLOWED: ReadonlyArray<{ file: string; text: string; reason: string }> = [
  {
    file: 'src/features/language/language-switcher.tsx',
    text: 'A/あ',
    reason: 'the language icon: a glyph that means "language" in every locale; it is aria-hidden and the button is named from the locales',
  },
]

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : tsxFiles(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

interface Finding {
  file: string
  line: number
  text: string
  why: string
}

function findHardcodedText(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const findings: Finding[] = []
  const report = (node: ts.Node, text: string, why: string) => {
    if (ALLOWED.some((a) => a.file === file && a.text === text.trim())) return
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim(), why })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (LETTERS.test(node.text)) report(node, node.text, 'JSX text: use useText(...).r(key)')
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text
      const parent = node.parent
      if (JAPANESE.test(text)) report(node, text, 'Japanese text in code: move it to src/locales')
      else if (parent && ts.isJsxExpression(parent) && LETTERS.test(text)) report(node, text, 'string shown as JSX text')
      else if (parent && ts.isJsxAttribute(parent) && USER_FACING_ATTRIBUTES.has(parent.name.getText(sf)) && LETTERS.test(text)) {
        report(node, text, `${parent.name.getText(sf)} must come from the locales`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return findings
}

describe('画面の文字はロケールから', () => {
  const files = tsxFiles(SRC)

  it('src の .tsx を見つける', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it('.tsx に日本語や、ロケールを通らない画面の文字がない', () => {
    const findings = files.flatMap((path) => findHardcodedText(relative(ROOT, path), readFileSync(path, 'utf8')))
    expect(findings).toEqual([])
  })

  it('検査そのものが、書き込まれた文字を見つける', () => {
    const sample = [
      'export const A = () => <p title="Close">閉じる</p>',
      "export const B = () => <p>{'Call now'}</p>",
      "export const C = () => <a aria-label={'ホーム'}>x</a>",
      "const sep = '・'",
      "// 日本語のコメントはよい\nexport const D = ({ t }: { t: (k: string) => string }) => <p className=\"x\">{t('k')}</p>",
    ].join('\n')
    const found = findHardcodedText('sample.tsx', sample).map((f) => [f.line, f.text])
    expect(found).toEqual([
      [1, 'Close'],
      [1, '閉じる'],
      [2, 'Call now'],
      [3, 'ホーム'],
      [3, 'x'],
      [4, '・'],
    ])
  })

  it('許可リストの文字は実際にそのファイルにある（古い許可を残さない）', () => {
    for (const allowed of ALLOWED) {
      expect(readFileSync(join(ROOT, allowed.file), 'utf8')).toContain(allowed.text)
    }
  })
})
