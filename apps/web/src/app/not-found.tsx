import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Wordmark } from '../components/common/Wordmark';
import styles from './not-found.module.css';

export const metadata: Metadata = { title: 'Not found' };

/** Shown for unknown pages and malformed document links. */
export default async function NotFound() {
  // Rendered per request like every page, so its scripts carry the nonce of the page's policy.
  await connection();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Wordmark />
      </header>
      <main className={styles.main}>
        <p className={styles.code}>404</p>
        <h1 className={styles.title}>There is no document here</h1>
        <p className={styles.text}>
          The link may be incomplete or mistyped: document links look like <code>/d/</code> followed by letters, digits,{' '}
          <code>-</code> and <code>_</code>. Ask whoever shared it for the full link, or pick a document from the list.
        </p>
        <Link href="/" className="button button--primary">
          Go to all documents
        </Link>
      </main>
    </div>
  );
}
