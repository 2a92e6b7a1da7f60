// @vitest-environment happy-dom
import { schema } from '@quire/editor-schema';
import { EditorState, Selection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEditingPlugins } from '../editor-plugins';
import { doc, p } from '../testing/editor-test-kit';
import { filterSlashCommands, buildSlashCommands } from './slash-commands';
import { chooseSuggestion, closeSuggestion, suggestionKey } from './suggestion-plugin';

const views: EditorView[] = [];
afterEach(() => views.splice(0).forEach((view) => view.destroy()));

function editor(content = doc(p())): EditorView {
  const people = [
    { id: 'u1', label: 'Ada Lovelace' },
    { id: 'u2', label: 'Grace Hopper' },
  ];
  const view = new EditorView(document.body.appendChild(document.createElement('div')), {
    state: EditorState.create({ doc: content, plugins: buildEditingPlugins({ mentionCandidates: () => people, requestImage: () => undefined }) }),
  });
  views.push(view);
  view.dispatch(view.state.tr.setSelection(Selection.atEnd(view.state.doc)));
  return view;
}

function typeInto(view: EditorView, text: string): void {
  for (const char of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp('handleTextInput', (f) => f(view, from, to, char, () => view.state.tr.insertText(char, from, to)));
    if (!handled) view.dispatch(view.state.tr.insertText(char, from, to));
  }
}

const press = (view: EditorView, key: string) => view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key })));
const menu = (view: EditorView) => suggestionKey.getState(view.state);

describe('the slash menu', () => {
  it('opens on / at the start of a block, filters by the query, and reports where it is', () => {
    const view = editor();
    typeInto(view, '/head');
    const state = menu(view);
    expect(state?.active).toBe(true);
    expect(state?.kind).toBe('slash');
    expect(state?.query).toBe('head');
    expect(state?.range).toEqual({ from: 1, to: 6 });
    expect(state?.items.map((item) => item.id)).toEqual(['heading1', 'heading2', 'heading3', 'heading4']);
  });

  it('does not open on / in the middle of text', () => {
    const view = editor(doc(p('a')));
    typeInto(view, ' and/or');
    expect(menu(view)?.active).toBe(false);
  });

  it('moves with the arrow keys and runs the chosen entry with Enter, removing what was typed', () => {
    const view = editor();
    typeInto(view, '/head');
    press(view, 'ArrowDown');
    expect(menu(view)?.selectedIndex).toBe(1);
    press(view, 'ArrowUp');
    press(view, 'ArrowUp');
    expect(menu(view)?.selectedIndex).toBe(3);
    expect(press(view, 'Enter')).toBe(true);
    expect(view.state.doc.toJSON()).toEqual(doc(schema.node('heading', { level: 4 })).toJSON());
    expect(menu(view)?.active).toBe(false);
  });

  it('runs an entry chosen by index (a click), and closes without changing the text', () => {
    const view = editor();
    typeInto(view, '/table');
    expect(chooseSuggestion(0)(view.state, view.dispatch, view)).toBe(true);
    expect(view.state.doc.child(0).type.name).toBe('table');
    const other = editor();
    typeInto(other, '/x');
    expect(closeSuggestion(other.state, other.dispatch)).toBe(true);
    expect(menu(other)?.active).toBe(false);
    expect(other.state.doc.textContent).toBe('/x');
  });

  it('finds blocks by label and keyword', () => {
    const commands = buildSlashCommands({ requestImage: () => undefined });
    expect(filterSlashCommands(commands, 'todo').map((c) => c.id)).toEqual(['task_list']);
    expect(filterSlashCommands(commands, 'IMAGE').map((c) => c.id)).toEqual(['image']);
    expect(buildSlashCommands().some((c) => c.id === 'image')).toBe(false);
  });
});

describe('mentions', () => {
  it('offers the members matching what follows @ and inserts a mention of the chosen one', () => {
    const view = editor(doc(p('Ask')));
    typeInto(view, ' @gra');
    expect(menu(view)?.kind).toBe('mention');
    expect(menu(view)?.items).toEqual([{ id: 'u2', label: 'Grace Hopper' }]);
    press(view, 'Enter');
    const paragraph = view.state.doc.child(0);
    expect(paragraph.textContent).toBe('Ask @Grace Hopper ');
    expect(paragraph.child(1).attrs).toEqual({ id: 'u2', label: 'Grace Hopper' });
  });

  it('does not open inside a word such as an e-mail address', () => {
    const view = editor();
    typeInto(view, 'ada@example');
    expect(menu(view)?.active).toBe(false);
  });
});
