import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const TOKENS_CSS = /@digital-go-jp[\\/]design-tokens[\\/]dist[\\/]tokens\.css$/
const VAR = /var\(\s*(--[\w-]+)/g
const DECLARATION = /^\s*(--[\w-]+)\s*:(.*);\s*$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(?:css|tsx?)$/.test(entry.name) ? [path] : []
  })
}

/** The custom properties the app's own code reads: `var(--name)` in its CSS and TypeScript. */
export function tokensUsedIn(srcDir: string): Set<string> {
  const used = new Set<string>()
  for (const file of sourceFiles(srcDir)) for (const [, name] of readFileSync(file, 'utf8').matchAll(VAR)) used.add(name as string)
  return used
}

/** tokens.css without the declarations nobody reads (a token another used token refers to stays). */
export function keepTokens(css: string, used: ReadonlySet<string>): string {
  const declarations = new Map<string, string>()
  for (const line of css.split('\n')) {
    const match = DECLARATION.exec(line)
    if (match) declarations.set(match[1] as string, match[2] as string)
  }
  const keep = new Set<string>()
  const visit = (name: string) => {
    if (keep.has(name) || !declarations.has(name)) return
    keep.add(name)
    for (const [, referenced] of (declarations.get(name) as string).matchAll(VAR)) visit(referenced as string)
  }
  used.forEach(visit)
  return css
    .split('\n')
    .filter((line) => {
      const match = DECLARATION.exec(line)
      return !match || keep.has(match[1] as string)
    })
    .join('\n')
}

/**
 * The Digital Agency's tokens.css declares about 200 custom properties; the app reads about 50.
 * Builds ship only those (every page loads this CSS first); development keeps the whole file, so a
 * token used in new code works at once there, and the build picks it up from the source.
 */
export function usedDesignTokens(srcDir: string): Plugin {
  return {
    name: 'tsunagu:used-design-tokens',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!TOKENS_CSS.test(id.split('?')[0] as string)) return undefined
      return { code: keepTokens(code, tokensUsedIn(srcDir)), map: null }
    },
  }
}
