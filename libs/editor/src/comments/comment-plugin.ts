import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { commentThreadId, threadsAt } from './comment-anchors';

/** The class of the active thread's text (the page styles it more strongly than other comments). */
export const ACTIVE_COMMENT_CLASS = 'quire-comment--active';

export interface CommentsPluginState {
  /** The thread open in the margin, or null. */
  activeThreadId: string | null;
  decorations: DecorationSet;
}

export const commentsKey = new PluginKey<CommentsPluginState>('quire-comments');

/** Decorates the characters carrying the mark of `threadId` (one inline decoration per text node). */
function activeDecorations(state: EditorState, threadId: string | null): DecorationSet {
  if (!threadId) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (node.marks.some((mark) => commentThreadId(mark) === threadId)) {
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: ACTIVE_COMMENT_CLASS, 'data-active-thread': threadId }));
    }
    return false;
  });
  return DecorationSet.create(state.doc, decorations);
}

export interface CommentsPluginOptions {
  /** A click on commented text: the page opens that thread. */
  onOpenThread?: (threadId: string) => void;
}

/**
 * The comments' part of the editor: which thread is active (a decoration over its text, redrawn
 * only when that thread's text may have changed), and a click on commented text opening its
 * thread. The marks themselves come from the server through the shared document; the browser
 * never adds or removes them, so per-person undo cannot take back anyone's comment.
 */
export function commentsPlugin({ onOpenThread }: CommentsPluginOptions = {}): Plugin<CommentsPluginState> {
  return new Plugin<CommentsPluginState>({
    key: commentsKey,
    state: {
      init: () => ({ activeThreadId: null, decorations: DecorationSet.empty }),
      apply(tr: Transaction, value: CommentsPluginState, _old: EditorState, state: EditorState): CommentsPluginState {
        const asked = tr.getMeta(commentsKey) as { activeThreadId: string | null } | undefined;
        if (asked && asked.activeThreadId !== value.activeThreadId) {
          return { activeThreadId: asked.activeThreadId, decorations: activeDecorations(state, asked.activeThreadId) };
        }
        if (!tr.docChanged || !value.activeThreadId) return value;
        return { activeThreadId: value.activeThreadId, decorations: activeDecorations(state, value.activeThreadId) };
      },
    },
    props: {
      decorations: (state) => commentsKey.getState(state)?.decorations ?? null,
      handleClick(view, pos) {
        const [threadId] = threadsAt(view.state.doc, pos);
        if (!threadId) return false;
        onOpenThread?.(threadId);
        // The click still places the caret (or starts a selection) as usual.
        return false;
      },
    },
  });
}

/** Makes `threadId` the active thread (null: none); a transaction that changes no content. */
export function setActiveThread(threadId: string | null): (state: EditorState) => Transaction {
  return (state) => state.tr.setMeta(commentsKey, { activeThreadId: threadId }).setMeta('addToHistory', false);
}

/** The active thread of `state`. */
export function activeThread(state: EditorState): string | null {
  return commentsKey.getState(state)?.activeThreadId ?? null;
}
