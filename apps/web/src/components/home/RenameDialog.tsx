'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';
import styles from '../common/forms.module.css';
import { TextField } from '../common/TextField';

/** Longest title the page offers to send (the server checks too). */
export const MAX_TITLE_INPUT = 200;

interface Props {
  open: boolean;
  initialTitle: string;
  /** Saves; a rejection is shown and the dialog stays open. */
  onRename: (title: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a document's new title. */
export function RenameDialog({ open, initialTitle, onRename, onCancel }: Props) {
  const [title, setTitle] = useState(initialTitle);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTitle(initialTitle);
    setError(null);
    setPending(false);
  }, [open, initialTitle]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (!title.trim()) {
      setError('Enter a title.');
      return;
    }
    setPending(true);
    try {
      await onRename(title.trim());
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <Dialog open={open} title="Rename document" onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <TextField label="Title" value={title} onChange={setTitle} maxLength={MAX_TITLE_INPUT} autoFocus required autoComplete="off" />
        <div className={styles.actions}>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? 'Saving…' : 'Rename'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
