import { useId } from 'react'
import { useText } from '@/lib/use-text'
import { QUICK_EXIT_ATTRIBUTE } from './install-quick-exit'
import styles from './quick-exit.module.css'

/** The visible way out. What it does is installed by the entry (installQuickExit), before React runs. */
export function QuickExitButton() {
  const text = useText('common')
  const hintId = useId()
  return (
    <div className={styles.wrap}>
      <button type="button" className={styles.button} {...{ [QUICK_EXIT_ATTRIBUTE]: '' }} aria-describedby={hintId}>
        {text.r('quickExit.button')}
      </button>
      <span id={hintId} className="visually-hidden">
        {text.s('quickExit.buttonHint')}
      </span>
    </div>
  )
}
