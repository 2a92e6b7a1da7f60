'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './dialog.module.css';

interface Props {
  open: boolean;
  title: string;
  description?: ReactNode;
  /** Escape or the backdrop: the dialog is closing without its form being submitted. */
  onCancel: () => void;
  children: ReactNode;
  /** Wider, for dialogs with lists (sharing). */
  wide?: boolean;
}

/**
 * A modal built on <dialog>: the browser traps focus, makes the page behind inert and closes it on
 * Escape. Focus returns to where it was when it closes.
 */
export function Dialog({ open, title, description, onCancel, children, wide = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? `${styles.dialog} ${styles.wide}` : styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onCancel();
      }}
    >
      <div className={styles.body}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {description ? (
          <p id={descriptionId} className={styles.description}>
            {description}
          </p>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
