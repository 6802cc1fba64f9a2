/** The shape of one guide page in `locales/<lng>/guide.json`; tests/locales checks every locale against it. */
export interface GuideSection {
  heading: string
  paragraphs?: string[]
  points?: string[]
  steps?: Array<{ title: string; body: string }>
  /** One thing the reader must not miss (e.g. "keep your receipt"), shown in a box after the section text. */
  callout?: string
}

export interface GuidePageContent {
  title: string
  lead: string
  sections: GuideSection[]
}

export const GUIDE_PAGES = ['who', 'name', 'after', 'wait', 'secret', 'next', 'family', 'safety'] as const
export type GuidePageId = (typeof GUIDE_PAGES)[number]

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every(isText)
}

export function isGuidePageContent(value: unknown): value is GuidePageContent {
  if (typeof value !== 'object' || value === null) return false
  const page = value as Record<string, unknown>
  return (
    isText(page.title) &&
    isText(page.lead) &&
    Array.isArray(page.sections) &&
    page.sections.every((section: unknown) => {
      if (typeof section !== 'object' || section === null) return false
      const s = section as Record<string, unknown>
      return (
        isText(s.heading) &&
        (s.paragraphs === undefined || isStringArray(s.paragraphs)) &&
        (s.points === undefined || isStringArray(s.points)) &&
        (s.callout === undefined || isText(s.callout)) &&
        (s.steps === undefined ||
          (Array.isArray(s.steps) &&
            s.steps.every((step: unknown) => {
              const st = step as Record<string, unknown>
              return isText(st?.title) && isText(st?.body)
            })))
      )
    })
  )
}
