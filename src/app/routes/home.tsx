import { Link } from 'react-router'
import { PhoneStatusLine } from '@/features/phone-status/phone-status-line'
import { defaultWindow } from 'virtual:shell-config'
import { usePageTitle } from '@/lib/use-page-title'
import { useText } from '@/lib/use-text'
import { paths } from '../paths'
import styles from './home.module.css'

const QUESTIONS = [
  ['who', paths.hurdleWho],
  ['name', paths.hurdleName],
  ['after', paths.hurdleAfter],
  ['wait', paths.hurdleWait],
  ['secret', paths.hurdleSecret],
] as const

export default function Home() {
  const text = useText('home')
  const common = useText('common')
  usePageTitle(common.s('siteTitle'), common.s('siteTitle'))
  return (
    <>
      <h1 className={styles.lead}>{text.r('lead')}</h1>
      <Link to={paths.book} className={styles.cta}>
        <span>{text.r('ctaBook')}</span>
      </Link>
      <section aria-labelledby="home-phone" className={styles.phone}>
        <h2 id="home-phone" className="visually-hidden">
          {text.r('phoneHeading')}
        </h2>
        <PhoneStatusLine window={defaultWindow} showHours={false} />
      </section>
      <section aria-labelledby="home-questions">
        <h2 id="home-questions" className={styles.questionsHeading}>
          {text.r('questionsHeading')}
        </h2>
        <ul className={styles.questions}>
          {QUESTIONS.map(([key, to]) => (
            <li key={key}>
              <Link to={to} className={styles.question}>
                <span>{text.r(`questions.${key}`)}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to={paths.family} className={`${styles.question} ${styles.family}`}>
              <span>{text.r('family')}</span>
            </Link>
          </li>
          <li>
            <Link to={paths.map} className={`${styles.question} ${styles.family}`}>
              {text.r('mapLink')}
            </Link>
          </li>
        </ul>
      </section>
      <p className={styles.more}>
        <Link to={paths.next}>{text.r('nextLink')}</Link>
        {text.s('moreSeparator')}
        <Link to={paths.safety}>{text.r('safetyLink')}</Link>
      </p>
    </>
  )
}
