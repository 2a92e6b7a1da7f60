'use client';

import { ariaKeyShortcut, shortcutLabel } from '@quire/editor';
import styles from './comments.module.css';

/** The Comment shortcut, as ProseMirror names keys. */
export const COMMENT_SHORTCUT = 'Mod-Alt-m';

interface Props {
  canComment: boolean;
  isMac: boolean;
  onComment: () => void;
  /** Open threads: the narrow screens' sheet toggle says how many. */
  count: number;
  sheetOpen: boolean;
  onToggleSheet: () => void;
  sheetId: string;
}

/**
 * Beside the toolbar: "Comment" on the selection (for people who may comment), and on narrow
 * screens the button that shows the comments sheet.
 */
export function CommentButtons({ canComment, isMac, onComment, count, sheetOpen, onToggleSheet, sheetId }: Props) {
  return (
    <div className={styles.commentBar}>
      {canComment ? (
        <button
          type="button"
          className="button"
          // Keeps the selection: the button acts on the text that is selected.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onComment}
          aria-keyshortcuts={ariaKeyShortcut(COMMENT_SHORTCUT, isMac)}
          title={`Comment on the selection (${shortcutLabel(COMMENT_SHORTCUT, isMac)})`}
          data-comment-button="toolbar"
        >
          Comment
        </button>
      ) : null}
      <button type="button" className={`button ${styles.sheetToggle}`} aria-expanded={sheetOpen} aria-controls={sheetId} onClick={onToggleSheet}>
        Comments ({count})
      </button>
    </div>
  );
}
