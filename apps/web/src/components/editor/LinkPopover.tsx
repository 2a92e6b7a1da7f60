'use client';

import { linkAtSelection, parseLinkInput, removeLink, setLink, type SelectedLink } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import formStyles from '../common/forms.module.css';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import styles from './link-popover.module.css';

/** The link around an empty cursor; a selection shows the formatting bubble instead. */
const readLink = (state: EditorState): SelectedLink | null => (state.selection.empty ? linkAtSelection(state) : null);
const sameLink = (a: SelectedLink | null, b: SelectedLink | null) => a === b || (a !== null && b !== null && a.href === b.href && a.from === b.from && a.to === b.to);

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editable: boolean;
  /** The address form is open (Mod-K, the toolbar's link button, Edit here). */
  editing: boolean;
  onEdit: () => void;
  /** The form closed: back to the text. */
  onDone: () => void;
  topInset: () => number;
}

/**
 * Links in a small popover beside the text. With the cursor in a link it shows the address (to open
 * it: a click in editable text does not follow links), Edit and Remove; editing asks for the
 * address and refuses anything but http, https and mailto, saying why.
 */
export function LinkPopover({ view, store, editable, editing, onEdit, onDone, topInset }: Props) {
  const link = useEditorSelector(store, readLink, null, sameLink);
  if (!view || !editable || (!editing && !link)) return null;
  const anchor = () => {
    if (view.isDestroyed) return null;
    const { from, to } = link ?? view.state.selection;
    const start = view.coordsAtPos(from);
    const end = view.coordsAtPos(to);
    return { left: start.left, right: end.right, top: Math.min(start.top, end.top), bottom: Math.max(start.bottom, end.bottom) };
  };

  return (
    <Floating
      anchor={anchor}
      placement="below"
      strategy="absolute"
      watch={`${editing}:${link?.from}:${link?.to}`}
      observe={view.dom}
      topInset={topInset}
      className={`${floatingStyles.panel} ${styles.popover}`}
    >
      {editing ? (
        <LinkForm
          currentHref={link?.href ?? null}
          onApply={(href) => {
            setLink(href)(view.state, view.dispatch);
            onDone();
          }}
          onRemove={() => {
            removeLink(view.state, view.dispatch);
            onDone();
          }}
          onCancel={onDone}
        />
      ) : link ? (
        <div role="group" aria-label="Link" className={styles.row}>
          <a className={styles.href} href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
            {link.href.replace(/^mailto:/i, '')}
          </a>
          <button type="button" className="button button--quiet" onMouseDown={(event) => event.preventDefault()} onClick={onEdit}>
            Edit link
          </button>
          <button
            type="button"
            className="button button--quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              removeLink(view.state, view.dispatch);
              view.focus();
            }}
          >
            Remove link
          </button>
        </div>
      ) : null}
    </Floating>
  );
}

interface FormProps {
  /** The address of the link being edited; null when adding one. */
  currentHref: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

function LinkForm({ currentHref, onApply, onRemove, onCancel }: FormProps) {
  const [value, setValue] = useState(currentHref ?? '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

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
    <div
      role="dialog"
      aria-label={currentHref ? 'Edit link' : 'Add a link'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <form onSubmit={submit} noValidate className={styles.form}>
      <label htmlFor={inputId} className={formStyles.label}>
        Link address
      </label>
      <input
        ref={input}
        id={inputId}
        className={formStyles.input}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        type="text"
        inputMode="url"
        placeholder="https://example.com"
        autoComplete="url"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      />
      <p id={hintId} className={formStyles.hint}>
        Web (https://) and email (mailto:) links.
      </p>
      {error ? (
        <p id={errorId} className={formStyles.error} role="alert">
          {error}
        </p>
      ) : null}
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
    </div>
  );
}
