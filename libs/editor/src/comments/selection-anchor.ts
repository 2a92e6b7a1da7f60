import { toBase64 } from 'lib0/buffer';
import type { EditorState } from 'prosemirror-state';
import { absolutePositionToRelativePosition, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';

/** The browser's anchor of a new thread (POST /api/documents/:id/threads `{ body, anchor }`). */
export interface CommentAnchorInput {
  /** base64 of `Y.encodeRelativePosition` at the selection's start, in the fragment the editor binds. */
  start: string;
  /** The same at its end. */
  end: string;
}

/** The selected text, as the thread's quote until the server answers. */
export function selectedQuote(state: EditorState): string {
  const { from, to } = state.selection;
  return state.doc.textBetween(from, to, ' ', ' ');
}

/**
 * The selection as positions relative to the shared document, which stay put while others edit
 * before the server marks the text; null for an empty selection, one without text, or before the
 * editor is bound to the document.
 */
export function selectionAnchor(state: EditorState): CommentAnchorInput | null {
  const { from, to, empty } = state.selection;
  if (empty || selectedQuote(state).trim() === '') return null;
  const sync = ySyncPluginKey.getState(state) as { binding?: { type: Y.XmlFragment; mapping: Map<unknown, unknown> } } | undefined;
  const binding = sync?.binding;
  if (!binding) return null;
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never)));
  return { start: encode(from), end: encode(to) };
}
