import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { buildEditingPlugins, type EditingOptions } from '../editor-plugins';

type Content = Node | string;
const inline = (content: Content[]) => content.map((c) => (typeof c === 'string' ? schema.text(c) : c));

export const doc = (...blocks: Node[]) => schema.node('doc', null, blocks);
export const p = (...content: Content[]) => schema.node('paragraph', null, inline(content));
export const h = (level: 1 | 2 | 3 | 4, ...content: Content[]) => schema.node('heading', { level }, inline(content));
export const quote = (...blocks: Node[]) => schema.node('blockquote', null, blocks);
export const pre = (text = '') => schema.node('code_block', null, text ? [schema.text(text)] : []);
export const hr = () => schema.node('horizontal_rule');
export const ul = (...items: Node[]) => schema.node('bullet_list', null, items);
export const ol = (...items: Node[]) => schema.node('ordered_list', null, items);
export const li = (...blocks: Node[]) => schema.node('list_item', null, blocks);
export const br = () => schema.node('hard_break');
export const code = (language: string | null, text = '') => schema.node('code_block', { language }, text ? [schema.text(text)] : []);
export const tasks = (...items: Node[]) => schema.node('task_list', null, items);
export const task = (checked: boolean, ...blocks: Node[]) => schema.node('task_item', { checked }, blocks);
export const table = (...rows: Node[]) => schema.node('table', null, rows);
export const tr = (...cells: Node[]) => schema.node('table_row', null, cells);
export const td = (...blocks: Node[]) => schema.node('table_cell', null, blocks);
export const th = (...blocks: Node[]) => schema.node('table_header', null, blocks);
export const callout = (kind: string, ...blocks: Node[]) => schema.node('callout', { kind }, blocks);
export const marked = (text: string, ...marks: ('bold' | 'italic' | 'underline' | 'strike' | 'code')[]) =>
  schema.text(text, marks.map((m) => schema.marks[m].create()));
export const linked = (text: string, href: string) => schema.text(text, [schema.marks.link.create({ href })]);

/** An editor state over `document` with the editing plugins, the cursor at the end of the document. */
export function createState(document: Node = doc(p()), options: EditingOptions = {}): EditorState {
  const state = EditorState.create({ doc: document, plugins: buildEditingPlugins(options) });
  return state.apply(state.tr.setSelection(TextSelection.atEnd(state.doc)));
}

/** Selects the first occurrence of `text` in the document (the cursor after it when `collapse`). */
export function selectText(state: EditorState, text: string, collapse: 'start' | 'end' | false = false): EditorState {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText) {
      const at = node.text?.indexOf(text) ?? -1;
      if (at >= 0) found = pos + at;
    }
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  const from = collapse === 'end' ? found + text.length : found;
  const to = collapse === 'start' ? found : found + text.length;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, collapse ? from : to)));
}

/** The state after `command`, failing when the command does not apply. */
export function apply(state: EditorState, command: Command): EditorState {
  let next = state;
  const applied = command(state, (tr) => {
    next = state.apply(tr);
  });
  if (!applied) throw new Error('command did not apply');
  return next;
}

/**
 * Types `text` one character at a time as ProseMirror's view would: each plugin's
 * `handleTextInput` (the input rules) may take the character, otherwise it is inserted.
 */
export function type(state: EditorState, text: string): EditorState {
  const holder = { state };
  const view = {
    get state() {
      return holder.state;
    },
    composing: false,
    dispatch: (tr: Parameters<EditorView['dispatch']>[0]) => {
      holder.state = holder.state.apply(tr);
    },
  } as unknown as EditorView;
  for (const char of text) {
    const { from, to } = holder.state.selection;
    const handled = holder.state.plugins.some((plugin: Plugin) => {
      const handler = plugin.props.handleTextInput;
      return handler ? handler.call(plugin, view, from, to, char, () => holder.state.tr.insertText(char, from, to)) : false;
    });
    if (!handled) view.dispatch(holder.state.tr.insertText(char, from, to));
  }
  return holder.state;
}

/** The document as JSON, for exact comparison. */
export const json = (state: EditorState) => state.doc.toJSON();
