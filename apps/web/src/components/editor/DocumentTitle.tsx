'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import styles from './editor.module.css';

interface Props {
  /** The title shown; rendered as text. */
  title: string;
  /** The title is made up ("Untitled document"): shown muted, and not offered for editing. */
  untitled: boolean;
  /** Present for people who may rename (owner, editor); a rejection is shown under the field. */
  onRename?: (title: string) => Promise<void>;
}

/** The document's title; owners and editors rename it in place (Enter saves, Escape cancels). */
export function DocumentTitle({ title, untitled, onRename }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  function start() {
    setValue(untitled ? '' : title);
    setError(null);
    setEditing(true);
  }

  function stop() {
    setEditing(false);
    // Focus goes back to the button that opened the field.
    requestAnimationFrame(() => button.current?.focus());
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!onRename || pending) return;
    const next = value.trim();
    if (next === '' || next === title) {
      stop();
      return;
    }
    setPending(true);
    try {
      await onRename(next);
      stop();
    } catch (caught) {
      setError(`Could not rename: ${(caught as Error).message}`);
    } finally {
      setPending(false);
    }
  }

  if (editing) {
    return (
      <form className={styles.titleForm} onSubmit={save}>
        <label htmlFor={inputId} className="visually-hidden">
          Document title
        </label>
        <input
          ref={input}
          id={inputId}
          className={styles.titleInput}
          value={value}
          maxLength={200}
          autoComplete="off"
          placeholder="Untitled document"
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              stop();
            }
          }}
          onBlur={() => void save()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error ? (
          <p id={errorId} className={styles.titleError} role="alert">
            {error}
          </p>
        ) : null}
      </form>
    );
  }

  return (
    <div className={styles.titleRow}>
      <h1 className={untitled ? `${styles.docTitle} ${styles.untitled}` : styles.docTitle}>{title}</h1>
      {onRename ? (
        <button ref={button} type="button" className={styles.renameButton} onClick={start} title="Rename document">
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M10.5 2.5 13.5 5.5 5.5 13.5H2.5V10.5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          </svg>
          <span className="visually-hidden">Rename document</span>
        </button>
      ) : null}
    </div>
  );
}
