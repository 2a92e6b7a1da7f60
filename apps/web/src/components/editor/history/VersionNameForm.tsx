'use client';

import { MAX_VERSION_NAME_LENGTH } from '@quire/api-contract';
import { useId, useState } from 'react';
import styles from './history.module.css';

interface Props {
  /** The field's visible label. */
  label: string;
  initial?: string;
  submitLabel: string;
  /** Saves the name; a rejection is shown under the field, which keeps what was typed. */
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}

/** A name typed in place: "Name this version" and renaming a named version. Escape cancels. */
export function VersionNameForm({ label, initial = '', submitLabel, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const errorId = useId();

  async function submit() {
    if (pending) return;
    if (!name.trim()) {
      setError('Enter a name for the version.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSave(name.trim());
    } catch (caught) {
      setError(`The name was not saved: ${(caught as Error).message}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className={styles.nameForm}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={inputId} className={styles.nameLabel}>
        {label}
      </label>
      <input
        id={inputId}
        className={styles.nameInput}
        value={name}
        maxLength={MAX_VERSION_NAME_LENGTH}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoFocus
        autoComplete="off"
      />
      <div role="alert" id={errorId}>
        {error ? <p className={styles.error}>{error}</p> : null}
      </div>
      <div className={styles.nameActions}>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" aria-disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
