'use client';

import { clearFind, findNext, findPrevious, findState, MAX_COUNTED_MATCHES, replaceAll, replaceOne, setFindQuery, type FindState } from '@quire/editor';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import styles from './find-bar.module.css';

interface Counted {
  matchCount: number;
  currentIndex: number;
}

const readCount = (state: EditorState): Counted => {
  const found: FindState | null = findState(state);
  return { matchCount: found?.matchCount ?? 0, currentIndex: found?.currentIndex ?? -1 };
};
const sameCount = (a: Counted, b: Counted) => a.matchCount === b.matchCount && a.currentIndex === b.currentIndex;
const NONE: Counted = { matchCount: 0, currentIndex: -1 };

export interface FindBarHandle {
  /** Focuses the search field with its text selected (Mod-F again). */
  focus: () => void;
}

interface Props {
  view: EditorView;
  store: EditorStateStore;
  /** Viewers find; editors also replace. */
  canReplace: boolean;
  onClose: () => void;
  /** Found as soon as the bar opens (a search result's words): highlighted, and the first match shown. */
  initialSearch?: string;
}

/**
 * Find and replace in the document (Mod-F in the text): matches are highlighted as you type, the
 * count says where you are, Enter and Shift+Enter step through them. Replacing is an ordinary
 * shared edit; Replace all is one transaction, so one undo brings every match back.
 */
export const FindBar = forwardRef<FindBarHandle, Props>(function FindBar({ view, store, canReplace, onClose, initialSearch }, ref) {
  const [search, setSearch] = useState(initialSearch ?? '');
  const [replace, setReplace] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const count = useEditorSelector(store, readCount, NONE, sameCount);
  const searchId = useId();
  const replaceId = useId();
  const countId = useId();

  useImperativeHandle(ref, () => ({ focus: () => input.current?.select() }), []);

  useEffect(() => {
    if (initialSearch) query({ search: initialSearch });
    // Only when the bar opens: later typing queries by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    input.current?.focus();
    // The highlights go with the bar.
    return () => {
      if (!view.isDestroyed) clearFind(view.state, view.dispatch);
    };
  }, [view]);

  /** Searches again from where the current match starts, so a longer query keeps its place. */
  function query(next: { search?: string; replace?: string; caseSensitive?: boolean }) {
    const options = { search, replace, caseSensitive, ...next };
    setFindQuery(options)(view.state, view.dispatch);
    if (next.search === undefined && next.caseSensitive === undefined) return;
    if (options.search === '') return;
    const { from } = view.state.selection;
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(from))));
    findNext(view.state, view.dispatch);
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    (event.shiftKey ? findPrevious : findNext)(view.state, view.dispatch);
  }

  const status =
    search === ''
      ? ''
      : count.matchCount === 0
        ? 'No matches'
        : `${count.currentIndex >= 0 ? `${count.currentIndex + 1} of ` : ''}${count.matchCount}${count.matchCount >= MAX_COUNTED_MATCHES ? '+' : ''} ${count.matchCount === 1 ? 'match' : 'matches'}`;

  return (
    <div
      role="search"
      aria-label="Find in document"
      className={styles.bar}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className={styles.row}>
        <label htmlFor={searchId} className="visually-hidden">
          Find
        </label>
        <input
          ref={input}
          id={searchId}
          className={styles.input}
          type="search"
          placeholder="Find"
          value={search}
          aria-describedby={countId}
          onChange={(event) => {
            setSearch(event.target.value);
            query({ search: event.target.value });
          }}
          onKeyDown={onSearchKeyDown}
        />
        <span id={countId} className={styles.count} role="status">
          {status}
        </span>
        <button type="button" className={styles.button} aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={() => findPrevious(view.state, view.dispatch)}>
          ↑
        </button>
        <button type="button" className={styles.button} aria-label="Next match" title="Next match (Enter)" onClick={() => findNext(view.state, view.dispatch)}>
          ↓
        </button>
        <button
          type="button"
          className={styles.button}
          aria-pressed={caseSensitive}
          aria-label="Match case"
          title="Match case"
          onClick={() => {
            setCaseSensitive(!caseSensitive);
            query({ caseSensitive: !caseSensitive });
          }}
        >
          Aa
        </button>
        <button type="button" className={styles.button} aria-label="Close find" title="Close (Escape)" onClick={onClose}>
          ×
        </button>
      </div>
      {canReplace ? (
        <div className={styles.row}>
          <label htmlFor={replaceId} className="visually-hidden">
            Replace with
          </label>
          <input
            id={replaceId}
            className={styles.input}
            type="text"
            placeholder="Replace with"
            value={replace}
            onChange={(event) => {
              setReplace(event.target.value);
              query({ replace: event.target.value });
            }}
          />
          {/* aria-disabled, not disabled: the button keeps the focus after replacing the last match. */}
          <button type="button" className="button" aria-disabled={count.matchCount === 0} onClick={() => count.matchCount > 0 && replaceOne(view.state, view.dispatch)}>
            Replace
          </button>
          <button type="button" className="button" aria-disabled={count.matchCount === 0} onClick={() => count.matchCount > 0 && replaceAll(view.state, view.dispatch)}>
            Replace all
          </button>
        </div>
      ) : null}
    </div>
  );
});
