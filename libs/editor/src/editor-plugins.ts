import { schema } from '@quire/editor-schema';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { EditorState, type Plugin } from 'prosemirror-state';
import { blockHandlePlugin } from './blocks/block-handle-plugin';
import { codeHighlightPlugin } from './code/highlight-plugin';
import { commentOnlyPlugin } from './comments/comment-only-plugin';
import { commentsPlugin } from './comments/comment-plugin';
import { findReplacePlugin } from './find/find-replace';
import { pastePlugin } from './paste/paste-plugin';
import { mentionSource, slashSource } from './suggest/slash-commands';
import { suggestionPlugins } from './suggest/suggestion-plugin';
import { buildTablePlugins } from './tables/table-plugins';
import { taskCheckboxPlugin } from './tasks/task-checkbox-plugin';
import { buildInputRules } from './input-rules';
import { buildKeymaps, type EditorHost } from './keymap';
import { placeholderPlugin } from './placeholder';

export interface EditingOptions extends EditorHost {
  /** Shown in an empty document. */
  placeholder?: string;
  /** A click on commented text: the page opens that thread in its margin. */
  onOpenThread?: (threadId: string) => void;
  /** True while the person may comment but not edit: their changes are kept out of the content. */
  commentOnly?: () => boolean;
}

/**
 * Editing behaviour without collaboration, in order: the commenter's guard (first, so it sees
 * typing before anything else), the slash and `@` menus (their keys win while one is open), tables
 * (Tab between cells), keymaps, Markdown rules, code highlighting, task checkboxes, paste, find and
 * replace, comments (active thread, clicks on commented text), block drag handles, drop and gap
 * cursors, placeholder.
 */
export function buildEditingPlugins(options: EditingOptions = {}): Plugin[] {
  const { mentionCandidates, onOpenThread, commentOnly } = options;
  return [
    ...(commentOnly ? [commentOnlyPlugin(commentOnly)] : []),
    ...suggestionPlugins({ slash: slashSource(options), ...(mentionCandidates ? { mention: mentionSource(mentionCandidates) } : {}) }),
    ...buildTablePlugins(),
    ...buildKeymaps(options),
    buildInputRules(),
    codeHighlightPlugin(),
    taskCheckboxPlugin(),
    pastePlugin(),
    findReplacePlugin(),
    commentsPlugin(onOpenThread ? { onOpenThread } : {}),
    blockHandlePlugin(commentOnly ? () => !commentOnly() : undefined),
    dropCursor({ color: 'var(--quire-accent, #1d5fbf)', width: 2 }),
    gapCursor(),
    placeholderPlugin(options.placeholder ?? 'Start writing…'),
  ];
}

/**
 * The state of an editor not yet bound to its shared document: the editing plugins alone, an empty
 * document. bindSharedDocument (shared-document-binding.ts) renders the shared document into its
 * view and then adds y-prosemirror's plugins in front (its undo keys must win over the base keymap).
 */
export function createUnboundEditorState(options: EditingOptions = {}): EditorState {
  return EditorState.create({ schema, plugins: buildEditingPlugins(options) });
}
