'use client';

import { parseLinkInput } from '@quire/editor';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import styles from '../common/forms.module.css';

interface Props {
  open: boolean;
  /** The address of the link being edited; null when adding one. */
  currentHref: string | null;
  /** Applies a checked, safe address. */
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** Asks for a link address; refuses anything but http, https and mailto, saying why. */
export function LinkDialog({ open, currentHref, onApply, onRemove, onCancel }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!open) return;
    setValue(currentHref ?? '');
    setError(null);
    requestAnimationFrame(() => input.current?.select());
  }, [open, currentHref]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseLinkInput(value);
    if (!parsed.ok) {
      setError(parsed.message);
      input.current?.focus();
      return;
    }
    onApply(parsed.href);
  }

  return (
    <Dialog open={open} title={currentHref ? 'Edit link' : 'Add a link'} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <div className={styles.field}>
          <label htmlFor={inputId} className={styles.label}>
            Link address
          </label>
          <input
            ref={input}
            id={inputId}
            className={styles.input}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
            type="text"
            inputMode="url"
            placeholder="https://example.com"
            autoComplete="url"
            autoFocus
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          />
          <p id={hintId} className={styles.hint}>
            Web (https://) and email (mailto:) links.
          </p>
          {error ? (
            <p id={errorId} className={styles.error} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className={styles.actions}>
          {currentHref ? (
            <button type="button" className="button button--danger" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <span className={styles.spacer} />
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Apply
          </button>
        </div>
      </form>
    </Dialog>
  );
}
