import styles from './page-status.module.css';

/** A page-level "Loading…" that screen readers hear, while the page asks the server. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className={styles.loading} aria-busy="true">
      <p role="status">{label}</p>
    </div>
  );
}
