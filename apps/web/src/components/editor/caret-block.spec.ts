import { parseMarkdown, schema } from '@quire/editor-schema';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { CARET_BLOCK_CLASS, caretBlockDecorations } from './caret-block';

describe('caretBlockDecorations', () => {
  const doc = parseMarkdown('First paragraph.\n\n- a list item\n\nLast paragraph.');
  const at = (pos: number) => EditorState.create({ schema, doc, selection: TextSelection.create(doc, pos) });
  const marked = (state: EditorState) => caretBlockDecorations(state).find().map((decoration) => [decoration.from, decoration.to, (decoration as unknown as { type: { attrs: { class: string } } }).type.attrs.class]);

  it('marks the top-level block holding the caret, and only it', () => {
    const last = doc.child(2);
    const lastStart = doc.content.size - last.nodeSize;
    expect(marked(at(lastStart + 3))).toEqual([[lastStart, doc.content.size, CARET_BLOCK_CLASS]]);
    expect(marked(at(2))).toEqual([[0, doc.child(0).nodeSize, CARET_BLOCK_CLASS]]);
  });

  it('marks the whole list when the caret is in one of its items', () => {
    const listStart = doc.child(0).nodeSize;
    expect(marked(at(listStart + 4))).toEqual([[listStart, listStart + doc.child(1).nodeSize, CARET_BLOCK_CLASS]]);
  });
});
