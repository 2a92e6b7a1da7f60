// @vitest-environment happy-dom
import { schema } from '@quire/editor-schema';
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { afterEach, describe, expect, it } from 'vitest';
import { unreadDomSelection } from './dom-selection';
import { doc, p } from './testing/editor-test-kit';

let view: EditorView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

/** "Hello world" with someone's caret (a widget that is not text) after "Hello"; the editor's caret at the start. */
function editorWithRemoteCaret(): EditorView {
  const caret = new Plugin({
    props: {
      decorations: (state) =>
        DecorationSet.create(state.doc, [
          Decoration.widget(1 + 'Hello'.length, () => {
            const widget = document.createElement('span');
            widget.className = 'caret';
            widget.contentEditable = 'false';
            widget.append('\u2060Grace\u2060');
            return widget;
          }),
        ]),
    },
  });
  const mount = document.createElement('div');
  document.body.appendChild(mount);
  view = new EditorView(mount, { state: EditorState.create({ schema, doc: doc(p('Hello world')), plugins: [caret] }) });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)));
  return view;
}

describe('unreadDomSelection', () => {
  it('is the browser’s caret in the text, when the editor has another', () => {
    const editor = editorWithRemoteCaret();
    const world = [...editor.dom.querySelectorAll('p')[0]?.childNodes ?? []].find((node) => node.textContent === ' world') as Text;
    document.getSelection()?.collapse(world, ' wor'.length);
    expect(unreadDomSelection(editor)?.head).toBe(1 + 'Hello wor'.length);
  });

  it('is null when the browser’s caret is the editor’s', () => {
    const editor = editorWithRemoteCaret();
    const hello = editor.dom.querySelector('p')?.firstChild as Text;
    document.getSelection()?.collapse(hello, 0);
    expect(unreadDomSelection(editor)).toBeNull();
  });

  it('is null inside someone else’s caret, which is not a place to type', () => {
    const editor = editorWithRemoteCaret();
    const label = editor.dom.querySelector('.caret')?.firstChild as Text;
    document.getSelection()?.collapse(label, 1);
    expect(unreadDomSelection(editor)).toBeNull();
  });
});
