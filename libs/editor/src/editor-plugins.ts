import { schema } from '@quire/editor-schema';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { EditorState, type Plugin } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { buildCollabPlugins } from './collab-plugins';
import { buildInputRules } from './input-rules';
import { buildKeymaps, type EditorHost } from './keymap';
import { placeholderPlugin } from './placeholder';

export interface EditingOptions extends EditorHost {
  /** Shown in an empty document. */
  placeholder?: string;
}

/** Editing behaviour without collaboration: keymaps, Markdown rules, drop and gap cursors. */
export function buildEditingPlugins(options: EditingOptions = {}): Plugin[] {
  return [
    ...buildKeymaps(options),
    buildInputRules(),
    dropCursor({ color: 'var(--quire-accent, #1d5fbf)', width: 2 }),
    gapCursor(),
    placeholderPlugin(options.placeholder ?? 'Start writing…'),
  ];
}

export interface CollaborativeEditorOptions extends EditingOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
}

/**
 * The state of a collaborative editor: y-prosemirror first (its undo keys must win over the base
 * keymap), then editing. The content arrives from `fragment` once the view is created.
 */
export function createCollaborativeEditorState(options: CollaborativeEditorOptions): EditorState {
  return EditorState.create({
    schema,
    plugins: [...buildCollabPlugins(options.fragment, options.awareness), ...buildEditingPlugins(options)],
  });
}
