'use client';

import { MAX_NAME_LENGTH } from '@quire/editor';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import styles from '../common/forms.module.css';

interface Props {
  open: boolean;
  /** The name to start from: the current one, or a friendly suggestion on first visit. */
  initialName: string;
  firstVisit: boolean;
  /** Saves the name; false when it is empty. */
  onSave: (name: string) => boolean;
  onCancel: () => void;
}

/**
 * Asks a guest (a viewer link opened without an account) what to call them; the name shows in the
 * presence bar and next to their cursor. People with accounts use their account's name.
 */
export function NameDialog({ open, initialName, firstVisit, onSave, onCancel }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!open) return;
    setName(initialName);
    setError(null);
    // After showModal() has focused the input: select the suggestion so typing replaces it.
    requestAnimationFrame(() => input.current?.select());
  }, [open, initialName]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (onSave(name)) return;
    setError('Enter a name, so others know who is typing.');
    input.current?.focus();
  }

  return (
    <Dialog
      open={open}
      title={firstVisit ? 'What should we call you?' : 'Change your name'}
      description="Others in this document see this name in the list of people here and next to your cursor."
      onCancel={onCancel}
    >
      <form onSubmit={submit} noValidate>
        <div className={styles.field}>
          <label htmlFor={inputId} className={styles.label}>
            Your name
          </label>
          <input
            ref={input}
            id={inputId}
            className={styles.input}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={MAX_NAME_LENGTH * 2}
            autoComplete="name"
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error ? (
            <p id={errorId} className={styles.error}>
              {error}
            </p>
          ) : null}
        </div>
        <div className={styles.actions}>
          {firstVisit ? null : (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary">
            {firstVisit ? 'Open the document' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
