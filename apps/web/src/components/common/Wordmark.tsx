import Link from 'next/link';
import styles from './wordmark.module.css';

/** The Quire logo and name, linking to the document list. */
export function Wordmark() {
  return (
    <Link href="/" className={styles.wordmark} aria-label="Quire — all documents">
      <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect className={styles.tile} width="32" height="32" rx="8" />
        <path className={styles.paper} d="M10 8.5h9.5L24 13v10.5H10z" />
        <path className={styles.fold} d="M19.5 8.5V13H24" />
        <path className={styles.lines} d="M13 16.5h8M13 19.5h8M13 13.5h4" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className={styles.name}>Quire</span>
    </Link>
  );
}
