'use client';

import { ariaKeyShortcut, shortcutLabel } from '@quire/editor';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import { TOOLBAR, type PageRequest, type ToolbarControl } from './toolbar/toolbar-model';
import { readToolbarStates, sameToolbarStates, type ToolbarStates } from './toolbar/toolbar-state';
import commentStyles from './comments/comments.module.css';
import styles from './toolbar/toolbar.module.css';
import { controlId, ToolbarControlView } from './toolbar/ToolbarControlView';
import { useRoving } from './toolbar/use-roving';

/** The bubble's controls: the main toolbar's marks, link and colours, in the same order. */
const BUBBLE_IDS = new Set(['bold', 'italic', 'underline', 'strike', 'code', 'link', 'highlight', 'text_color']);
const CONTROLS: ToolbarControl[] = TOOLBAR.flatMap((group) => group.controls).filter((control) => BUBBLE_IDS.has(controlId(control)));
const ORDER = CONTROLS.map(controlId);

interface Bubble {
  from: number;
  to: number;
  states: ToolbarStates;
}

/** A selection of text outside code, with the bubble's control states; null for anything else. */
function readBubble(state: EditorState): Bubble | null {
  const { selection } = state;
  if (selection.empty || !(selection instanceof TextSelection) || selection.$from.parent.type.spec.code) return null;
  return { from: selection.from, to: selection.to, states: readToolbarStates(state) };
}

const sameBubble = (a: Bubble | null, b: Bubble | null) =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to && sameToolbarStates(a.states, b.states));

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editable: boolean;
  /** Comment on the selection; given to people who may comment (commenters get only this button). */
  onComment?: (() => void) | undefined;
  isMac: boolean;
  onRequest: (request: PageRequest) => void;
  topInset: () => number;
}

/**
 * Formatting next to selected text: marks, link and colours without travelling to the toolbar.
 * Shown for a text selection only, so typing and others' cursors never draw it.
 */
export function FloatingToolbar({ view, store, editable, onComment, isMac, onRequest, topInset }: Props) {
  const bubble = useEditorSelector(store, readBubble, null, sameBubble);
  const order = editable ? (onComment ? [...ORDER, 'comment'] : ORDER) : ['comment'];
  const { onKeyDown, roving } = useRoving(order, editable ? 'bold' : 'comment');
  if (!view || !bubble || (!editable && !onComment)) return null;
  const comment = roving('comment');
  const { from, to } = bubble;

  return (
    <Floating
      anchor={() => {
        if (view.isDestroyed) return null;
        const start = view.coordsAtPos(from);
        const end = view.coordsAtPos(to);
        return { left: Math.min(start.left, end.left), right: Math.max(start.right, end.right), top: Math.min(start.top, end.top), bottom: end.bottom };
      }}
      placement="above"
      align="center"
      strategy="absolute"
      watch={`${from}:${to}`}
      observe={view.dom}
      topInset={topInset}
      className={floatingStyles.panel}
    >
      <div role="toolbar" aria-label={editable ? 'Selection formatting' : 'Selection'} className={`${styles.toolbar} ${styles.bubble}`} onKeyDown={onKeyDown} data-bubble="">
        {editable ? CONTROLS.map((control) => (
          <ToolbarControlView
            key={controlId(control)}
            control={control}
            view={view}
            states={bubble.states}
            disabled={false}
            isMac={isMac}
            roving={roving(controlId(control))}
            onRequest={onRequest}
          />
        )) : null}
        {onComment ? (
          <button
            ref={comment.register}
            type="button"
            className={`${styles.button} ${commentStyles.bubbleComment}`}
            tabIndex={comment.tabIndex}
            onFocus={comment.onFocus}
            // The selection stays: the comment is about it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={onComment}
            aria-keyshortcuts={ariaKeyShortcut('Mod-Alt-m', isMac)}
            title={`Comment (${shortcutLabel('Mod-Alt-m', isMac)})`}
            data-comment-button="bubble"
          >
            Comment
          </button>
        ) : null}
      </div>
    </Floating>
  );
}
