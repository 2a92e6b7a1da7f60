import { schema } from '@quire/editor-schema';
import { describe, expect, it, vi } from 'vitest';
import { buildKeyBindings } from './keymap';
import { apply, createState, doc, h, json, marked, p, selectText } from './testing/editor-test-kit';

describe('key bindings', () => {
  const bindings = buildKeyBindings();

  it('binds every documented shortcut', () => {
    for (const key of [
      'Mod-z', 'Mod-Shift-z', 'Mod-y', 'Mod-b', 'Mod-i', 'Mod-u', 'Mod-Shift-s', 'Mod-Shift-x', 'Mod-e', 'Mod-k',
      'Mod-Alt-0', 'Mod-Alt-1', 'Mod-Alt-2', 'Mod-Alt-3', 'Mod-Shift-7', 'Mod-Shift-8', 'Shift-Enter', 'Enter', 'Tab', 'Shift-Tab', 'Escape',
    ]) {
      expect(bindings[key], key).toBeTypeOf('function');
    }
  });

  it('formats the selection with Mod-b, Mod-i, Mod-u, Mod-Shift-s and Mod-e', () => {
    const selected = selectText(createState(doc(p('word'))), 'word');
    expect(json(apply(selected, bindings['Mod-b']!))).toEqual(doc(p(marked('word', 'bold'))).toJSON());
    expect(json(apply(selected, bindings['Mod-i']!))).toEqual(doc(p(marked('word', 'italic'))).toJSON());
    expect(json(apply(selected, bindings['Mod-u']!))).toEqual(doc(p(marked('word', 'underline'))).toJSON());
    expect(json(apply(selected, bindings['Mod-Shift-s']!))).toEqual(doc(p(marked('word', 'strike'))).toJSON());
    expect(json(apply(selected, bindings['Mod-e']!))).toEqual(doc(p(marked('word', 'code'))).toJSON());
  });

  it('sets headings with Mod-Alt-1 to 3 and back to a paragraph with Mod-Alt-0', () => {
    const heading = apply(createState(doc(p('Title'))), bindings['Mod-Alt-2']!);
    expect(json(heading)).toEqual(doc(h(2, 'Title')).toJSON());
    expect(json(apply(heading, bindings['Mod-Alt-0']!))).toEqual(doc(p('Title')).toJSON());
  });

  it('inserts a line break with Shift-Enter', () => {
    const state = apply(createState(doc(p('a'))), bindings['Shift-Enter']!);
    expect(state.doc.firstChild?.lastChild?.type).toBe(schema.nodes.hard_break);
  });

  it('asks the page for a link on Mod-k, and passes when the page cannot ask', () => {
    const requestLink = vi.fn();
    expect(buildKeyBindings({ requestLink })['Mod-k']!(createState())).toBe(true);
    expect(requestLink).toHaveBeenCalledOnce();
    expect(bindings['Mod-k']!(createState())).toBe(false);
  });

  it('lets the page move focus out on Escape', () => {
    const leaveEditor = vi.fn(() => true);
    expect(buildKeyBindings({ leaveEditor })['Escape']!(createState())).toBe(true);
    expect(leaveEditor).toHaveBeenCalledOnce();
    expect(bindings['Escape']!(createState())).toBe(false);
  });

  it('has nothing to undo without the collaboration plugins', () => {
    expect(bindings['Mod-z']!(createState())).toBeFalsy();
  });
});
