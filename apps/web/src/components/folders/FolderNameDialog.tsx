'use client';

import { MAX_FOLDER_NAME_LENGTH } from '@quire/api-contract';
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import { TextField } from '../common/TextField';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  /** Saves; a rejection is shown and the dialog stays open. */
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a folder's name: a new folder's, or a new one for a folder. */
export function FolderNameDialog({ open, title, submitLabel, initialName, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(initialName);
    setError(null);
    setPending(false);
  }, [open, initialName]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    if (!name.trim()) {
      setError('Enter a name for the folder.');
      return;
    }
    setPending(true);
    try {
      await onSubmit(name.trim());
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <Dialog open={open} title={title} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <TextField label="Folder name" value={name} onChange={setName} maxLength={MAX_FOLDER_NAME_LENGTH} autoFocus required autoComplete="off" />
        <div className={forms.actions}>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
