'use client';

import { ariaKeyShortcut, shortcutLabel } from '@quire/editor';
import { forwardRef } from 'react';
import styles from './history.module.css';

/** As ProseMirror names keys; the shortcuts dialog lists the same. */
const HISTORY_SHORTCUT = 'Mod-Alt-Shift-h';

interface Props {
  open: boolean;
  isMac: boolean;
  panelId: string;
  onToggle: () => void;
}

/** The header's "History" button: opens and closes the panel (also Ctrl/Cmd+Alt+Shift+H). */
export const HistoryButton = forwardRef<HTMLButtonElement, Props>(function HistoryButton({ open, isMac, panelId, onToggle }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className={`button ${styles.historyButton}`}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      aria-keyshortcuts={ariaKeyShortcut(HISTORY_SHORTCUT, isMac)}
      title={`Version history (${shortcutLabel(HISTORY_SHORTCUT, isMac)})`}
      onClick={onToggle}
      data-history-button=""
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        <path d="M2.5 8a5.5 5.5 0 1 0 1.7-4" />
        <path d="M2.2 2.2v2.6h2.6" />
        <path d="M8 5v3.2l2.2 1.4" />
      </svg>
      {/* On a phone the clock alone shows; the word stays the button's name. */}
      <span className={styles.historyLabel}>History</span>
    </button>
  );
});
