/** The shape of one guide page in `locales/<lng>/guide.json`; tests/locales checks every locale against it. */
export interface GuideSection {
  heading: string
  paragraphs?: string[]
  points?: string[]
  steps?: Array<{ title: string; body: string }>
}

export interface GuidePageContent {
  title: string
  lead: string
  sections: GuideSection[]
}

export const GUIDE_PAGES = ['who', 'name', 'after', 'wait', 'secret', 'next', 'family', 'safety'] as const
export type GuidePageId = (typeof GUIDE_PAGES)[number]

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0)
}

export function isGuidePageContent(value: unknown): value is GuidePageContent {
  if (typeof value !== 'object' || value === null) return false
  const page = value as Record<string, unknown>
  return (
    typeof page.title === 'string' &&
    typeof page.lead === 'string' &&
    Array.isArray(page.sections) &&
    page.sections.every((section: unknown) => {
      if (typeof section !== 'object' || section === null) return false
      const s = section as Record<string, unknown>
      return (
        typeof s.heading === 'string' &&
        (s.paragraphs === undefined || isStringArray(s.paragraphs)) &&
        (s.points === undefined || isStringArray(s.points)) &&
        (s.steps === undefined ||
          (Array.isArray(s.steps) &&
            s.steps.every((step: unknown) => {
              const st = step as Record<string, unknown>
              return typeof st?.title === 'string' && typeof st?.body === 'string'
            })))
      )
    })
  )
}
