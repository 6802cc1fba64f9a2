import { memo } from 'react'
import { useText } from '@/lib/use-text'
import styles from './resource-map.module.css'

const FILES = ['places.json', 'places.csv', 'events.json', 'events.csv'] as const

/** The same on every render of a page: memo keeps a filter change from rebuilding it. */
export const OpenDataNote = memo(function OpenDataNote() {
  const text = useText('map')
  return (
    <div className={styles.openData}>
      <p>
        {text.r('openData')}{' '}
        {FILES.map((file, i) => (
          <span key={file}>
            {i > 0 ? ` ${text.s('common:listSeparator')} ` : null}
            <a href={`/data/${file}`} download>
              {file}
            </a>
          </span>
        ))}
      </p>
    </div>
  )
})
