'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import styles from './forms.module.css';

interface Props {
  open: boolean;
  title: string;
  description: ReactNode;
  /** The button that does it, e.g. "Delete document". */
  confirmLabel: string;
  /** Does it; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter is harmless. */
export function ConfirmDialog({ open, title, description, confirmLabel, onConfirm, onCancel }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setPending(false);
      setError(null);
    }
  }, [open]);

  async function confirm() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} title={title} description={description} onCancel={onCancel}>
      <FormError message={error} />
      <div className={styles.actions}>
        <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} aria-disabled={pending}>
          {pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
