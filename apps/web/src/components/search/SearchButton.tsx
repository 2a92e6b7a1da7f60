'use client';

import { useIsMac } from '../../hooks/use-is-mac';
import { openSearch } from './search-events';
import styles from './search.module.css';

/** The header's way into search, with its shortcut shown (Ctrl+K, ⌘K on a Mac). */
export function SearchButton() {
  const mac = useIsMac();
  return (
    <button type="button" className={`button button--quiet ${styles.headerButton}`} onClick={openSearch} aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}>
      <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M12.7 12.7 17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className={styles.headerLabel}>Search</span>
      <kbd className={styles.shortcut}>{mac ? '⌘K' : 'Ctrl K'}</kbd>
    </button>
  );
}
