'use client';

import styles from './editor-notices.module.css';

export interface Notice {
  id: number;
  message: string;
}

/** Messages about things that went wrong out of sight (an upload refused), until dismissed. */
export function EditorNotices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  return (
    <div className={styles.notices} role="alert">
      {notices.map((notice) => (
        <p key={notice.id} className={styles.notice}>
          <span>{notice.message}</span>
          <button type="button" className="button button--quiet" onClick={() => onDismiss(notice.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
