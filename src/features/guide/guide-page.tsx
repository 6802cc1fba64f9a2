import { useId, type ReactNode } from 'react'
import { RubyText } from '@/components/ruby-text'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { useTranslation } from '@/lib/use-translation'
import { isGuidePageContent, type GuidePageId, type GuideSection } from './guide-content'
import styles from './guide-page.module.css'

interface Props {
  page: GuidePageId
  /** Something live to show right after the lead, e.g. whether the phone is answered now. */
  highlight?: ReactNode
  /** Links to the next step, given by the route (features do not know the app's URLs). */
  children?: ReactNode
}

export function GuidePage({ page, highlight, children }: Props) {
  const { t } = useTranslation('guide')
  const common = useText('common')
  const text = useText('guide')
  const nextId = useId()
  const content = t(page, { returnObjects: true })
  if (!isGuidePageContent(content)) throw new Error(`guide:${page} is not a guide page`)
  usePageTitle(content.title, common.s('siteTitle'))
  return (
    <article className={styles.article} data-easy={text.language === 'ja-easy' || undefined}>
      <h1>
        <RubyText text={content.title} />
      </h1>
      <p className={styles.lead}>
        <RubyText text={content.lead} />
      </p>
      {highlight}
      {content.sections.map((section, index) => (
        <Section key={index} section={section} />
      ))}
      {children ? (
        <nav className={styles.next} aria-labelledby={nextId}>
          <h2 id={nextId} className={styles.nextHeading}>
            {text.r('links.label')}
          </h2>
          {children}
        </nav>
      ) : null}
    </article>
  )
}

function Section({ section }: { section: GuideSection }) {
  return (
    <section>
      <h2>
        <RubyText text={section.heading} />
      </h2>
      {section.paragraphs?.map((paragraph, i) => (
        <p key={i}>
          <RubyText text={paragraph} />
        </p>
      ))}
      {section.points ? (
        <ul className={styles.points}>
          {section.points.map((point, i) => (
            <li key={i}>
              <RubyText text={point} />
            </li>
          ))}
        </ul>
      ) : null}
      {section.steps ? (
        <ol className={styles.steps}>
          {section.steps.map((step, i) => (
            <li key={i} className={styles.step}>
              <h3 className={styles.stepTitle}>
                <RubyText text={step.title} />
              </h3>
              <p>
                <RubyText text={step.body} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {section.callout ? (
        <p className={styles.callout}>
          <RubyText text={section.callout} />
        </p>
      ) : null}
    </section>
  )
}
