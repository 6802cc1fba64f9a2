import { useCallback, useId } from 'react'
import { useText } from '@/lib/use-text'
import { quickExit } from './quick-exit'
import { useShiftThreeTimes } from './use-shift-three-times'
import styles from './quick-exit.module.css'

interface Props {
  neutralUrl: string
  keepDatabases?: readonly string[]
}

export function QuickExitButton({ neutralUrl, keepDatabases }: Props) {
  const text = useText('common')
  const hintId = useId()
  const leave = useCallback(() => void quickExit(neutralUrl, keepDatabases), [neutralUrl, keepDatabases])
  useShiftThreeTimes(leave)
  return (
    <div className={styles.wrap}>
      <button type="button" className={styles.button} onClick={leave} aria-describedby={hintId}>
        {text.r('quickExit.button')}
      </button>
      <span id={hintId} className="visually-hidden">
        {text.s('quickExit.buttonHint')}
      </span>
    </div>
  )
}
