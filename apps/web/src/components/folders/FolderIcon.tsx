import styles from './folders.module.css';

export function FolderIcon() {
  return (
    <svg className={styles.folderIcon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M2.5 5.5a1 1 0 0 1 1-1h4l1.6 1.8h7.4a1 1 0 0 1 1 1v8.2a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1z" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}
