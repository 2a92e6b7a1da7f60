import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { describe, expect, it } from 'vitest';
import { apply, createState, doc, json, li, p, selectText, ul } from '../testing/editor-test-kit';
import { indentItem, outdentItem, splitItem } from './lists';

describe('list keys', () => {
  it('Enter splits a list item', () => {
    const state = apply(createState(doc(ul(li(p('one'))))), splitItem);
    expect(json(state)).toEqual(doc(ul(li(p('one')), li(p()))).toJSON());
  });

  it('Enter on an empty last item leaves the list (with the base keymap after it, as in the editor)', () => {
    const state = apply(createState(doc(ul(li(p('one')), li(p())))), chainCommands(splitItem, baseKeymap['Enter']!));
    expect(json(state)).toEqual(doc(ul(li(p('one'))), p()).toJSON());
  });

  it('Tab nests an item under the one above, Shift-Tab brings it back', () => {
    const start = selectText(createState(doc(ul(li(p('one')), li(p('two'))))), 'two', 'end');
    const nested = apply(start, indentItem);
    expect(json(nested)).toEqual(doc(ul(li(p('one'), ul(li(p('two')))))).toJSON());
    expect(json(apply(nested, outdentItem))).toEqual(doc(ul(li(p('one')), li(p('two')))).toJSON());
  });

  it('takes Tab in a first item that cannot nest, so focus stays in the list', () => {
    const state = createState(doc(ul(li(p('only')))));
    expect(indentItem(state)).toBe(true);
    expect(json(apply(state, indentItem))).toEqual(json(state));
  });

  it('leaves Tab and Shift-Tab to the browser outside lists', () => {
    const state = createState(doc(p('text')));
    expect(indentItem(state)).toBe(false);
    expect(outdentItem(state)).toBe(false);
    expect(splitItem(state)).toBe(false);
  });
});
