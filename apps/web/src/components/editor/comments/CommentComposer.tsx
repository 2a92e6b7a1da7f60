'use client';

import { MAX_COMMENT_LENGTH } from '@quire/api-contract';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { editableBody, matchingPeople, mentionQuery, storedBody, type MentionablePerson } from './comment-text';
import styles from './comments.module.css';

interface Props {
  /** The field's accessible name ("Comment on …", "Reply", "Edit comment"). */
  label: string;
  submitLabel: string;
  /** Whom `@` offers: the document's members. */
  people: readonly MentionablePerson[];
  /** A stored body to edit (mentions included). */
  initialBody?: string;
  autoFocus?: boolean;
  /** Resolves when the server took it; a refusal's message is shown under the field. */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}

/** Why a send failed, in plain words. */
function refusal(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return message ? `Not sent: ${message}` : 'Not sent. Try again.';
}

/**
 * A comment being written: plain text, `@` offering the document's members (ArrowUp/Down, Enter
 * or Tab chooses, Escape closes the list), Ctrl/Cmd+Enter sends, Escape (with no list open) cancels.
 */
export function CommentComposer({ label, submitLabel, people, initialBody, autoFocus = false, onSubmit, onCancel }: Props) {
  const initial = useMemo(() => editableBody(initialBody ?? ''), [initialBody]);
  const [text, setText] = useState(initial.text);
  const [mentioned, setMentioned] = useState<MentionablePerson[]>(initial.mentioned);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const errorId = useId();

  const matches = useMemo(() => (query ? matchingPeople(people, query.query) : []), [people, query]);
  const listOpen = query !== null && matches.length > 0;

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  function readQuery(value: string, caret: number) {
    setQuery(mentionQuery(value, caret));
    setHighlighted(0);
  }

  function choose(person: MentionablePerson) {
    if (!query || !field.current) return;
    const caret = field.current.selectionStart;
    const inserted = `@${person.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(next);
    setMentioned((current) => (current.some((known) => known.id === person.id) ? current : [...current, person]));
    setQuery(null);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => field.current?.setSelectionRange(position, position));
  }

  async function send() {
    const body = storedBody(text, mentioned);
    if (body.trim() === '' || sending) return;
    if (body.length > MAX_COMMENT_LENGTH) {
      setError(`Too long: at most ${MAX_COMMENT_LENGTH.toLocaleString('en-US')} characters.`);
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSubmit(body);
      setText('');
      setMentioned([]);
    } catch (caught) {
      setError(refusal(caught));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((current) => (current + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const person = matches[highlighted];
        if (person) choose(person);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
      return;
    }
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <form
      className={styles.composer}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        ref={field}
        className={styles.composerField}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={listOpen ? listId : undefined}
        aria-activedescendant={listOpen ? optionId(highlighted) : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        placeholder="Comment, or @ to mention someone"
        rows={2}
        value={text}
        disabled={sending}
        data-comment-composer=""
        onChange={(event) => {
          setText(event.target.value);
          readQuery(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => readQuery(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {listOpen ? (
        <ul id={listId} role="listbox" aria-label="People to mention" className={styles.mentionList}>
          {matches.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlighted}
              className={styles.mentionOption}
              // Keeps the focus in the field: a click chooses without blurring it.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              <span>{person.name}</span>
              {person.email ? <span className={styles.mentionEmail}>{person.email}</span> : null}
              {person.via ? <span className={styles.mentionEmail}>{person.via}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.composerError} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.composerActions}>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={sending}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={sending || text.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
