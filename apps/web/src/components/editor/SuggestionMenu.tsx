'use client';

import { chooseSuggestion, suggestionKey, type SuggestionState } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import styles from './suggestion-menu.module.css';
import { ToolbarIcon } from './toolbar/ToolbarIcon';

const CLOSED: SuggestionState = { active: false, kind: null, query: '', range: null, items: [], selectedIndex: 0 };

const readSuggestion = (state: EditorState): SuggestionState => suggestionKey.getState(state) ?? CLOSED;

const sameSuggestion = (a: SuggestionState, b: SuggestionState) =>
  a.active === b.active && a.kind === b.kind && a.items === b.items && a.selectedIndex === b.selectedIndex && a.range?.from === b.range?.from;

/** The listbox's id for an editor, and its options' ids: the editor points at them with ARIA. */
export const suggestionListId = (editorId: string) => `${editorId}-suggestions`;
const optionId = (editorId: string, index: number) => `${editorId}-suggestion-${index}`;

/**
 * While the slash or `@` menu is open, the editor says so: it controls the listbox, and the
 * highlighted entry is its active descendant (focus stays in the text, as in a combobox).
 */
export function suggestionAttributes(editorId: string, state: EditorState): Record<string, string> {
  const suggestion = readSuggestion(state);
  if (!suggestion.active || suggestion.items.length === 0) return {};
  return { 'aria-controls': suggestionListId(editorId), 'aria-activedescendant': optionId(editorId, suggestion.selectedIndex) };
}

const ICON_OF: Record<string, string> = { paragraph: 'paragraph', attachment: 'attachment' };

/**
 * The slash menu (blocks to insert) and the `@` menu (people to mention), drawn from the
 * suggestion plugin's state under the typed trigger. The keyboard stays in the text: arrows move
 * the highlight, Enter or Tab chooses, Escape closes (the plugin handles those keys).
 */
export function SuggestionMenu({ view, store, editorId }: { view: EditorView | null; store: EditorStateStore; editorId: string }) {
  const suggestion = useEditorSelector(store, readSuggestion, CLOSED, sameSuggestion);
  if (!view || !suggestion.active || !suggestion.range) return null;
  const from = suggestion.range.from;
  const title = suggestion.kind === 'mention' ? 'People' : 'Insert a block';

  return (
    <Floating
      anchor={() => (view.isDestroyed ? null : view.coordsAtPos(from))}
      placement="below"
      strategy="absolute"
      watch={`${from}:${suggestion.items.length}`}
      observe={view.dom}
      className={`${floatingStyles.panel} ${styles.menu}`}
      data-suggestion={suggestion.kind ?? undefined}
      // Focus stays in the text: a press on the menu (its scrollbar too) must not take it.
      onMouseDown={(event) => event.preventDefault()}
    >
      {suggestion.items.length === 0 ? (
        <p className={styles.empty} role="status">
          {suggestion.kind === 'mention' ? 'No one by that name' : 'Nothing matches'}
        </p>
      ) : (
        // Focusable only so that a keyboard could scroll it (it is never tabbed to: Tab chooses).
        <ul id={suggestionListId(editorId)} role="listbox" aria-label={title} className={styles.list} tabIndex={0}>
          {suggestion.items.map((item, index) => (
            <li
              key={item.id}
              id={optionId(editorId, index)}
              role="option"
              aria-selected={index === suggestion.selectedIndex}
              className={styles.option}
              data-item={item.id}
              onClick={() => chooseSuggestion(index)(view.state, view.dispatch, view)}
            >
              {suggestion.kind === 'mention' ? (
                <span className={styles.avatar} aria-hidden="true">
                  {item.label.slice(0, 1).toUpperCase()}
                </span>
              ) : (
                <span className={styles.icon} aria-hidden="true">
                  <ToolbarIcon id={ICON_OF[item.id] ?? (item.id.startsWith('callout_') ? 'callout' : item.id)} />
                </span>
              )}
              <span className={styles.text}>
                <span>{item.label}</span>
                {item.detail ? <span className={styles.detail}>{item.detail}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Floating>
  );
}
