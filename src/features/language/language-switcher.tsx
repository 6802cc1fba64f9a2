import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { showInLanguage } from '@/lib/app-history'
import { changeLanguage } from '@/lib/i18n'
import { LANGUAGES, LANGUAGE_NAMES, HTML_LANG, type Language } from '@/lib/languages'
import { writeLanguage } from '@/lib/preferences'
import { useText } from '@/lib/use-text'
import styles from './language-switcher.module.css'

/**
 * Keeps the choice for the next unprefixed visit (shared/language-boot-script.ts), and goes to the same
 * page at the language's own URL, once its text is loaded so the page never shows a missing string.
 */
async function switchTo(language: Language): Promise<void> {
  writeLanguage(language)
  await changeLanguage(language)
  showInLanguage(language)
}

/** A disclosure, so the header stays one row on a phone; each language is named in its own script. */
export function LanguageSwitcher() {
  const text = useText('common')
  const current = text.language as Language
  const [open, setOpen] = useState(false)
  const listId = useId()
  const toggleRef = useRef<HTMLButtonElement>(null)

  function close(returnFocus: boolean) {
    setOpen(false)
    if (returnFocus) toggleRef.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.preventDefault()
      close(true)
    }
  }

  // Tabbing out of the list closes it, so it never covers the page behind the keyboard focus.
  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false)
  }

  return (
    <div className={styles.switcher} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggleRef}
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className={styles.icon}>
          A/あ
        </span>
        <span className="visually-hidden">{text.s('language.label')}: </span>
        <span lang={HTML_LANG[current]} className={styles.name}>
          {LANGUAGE_NAMES[current]}
        </span>
      </button>
      <ul id={listId} className={styles.list} hidden={!open} aria-label={text.s('language.label')}>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="button"
              className={styles.option}
              lang={HTML_LANG[language]}
              aria-pressed={language === current}
              onClick={() => {
                close(true)
                void switchTo(language)
              }}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
