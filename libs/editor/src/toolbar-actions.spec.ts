import { describe, expect, it } from 'vitest';
import { apply, createState, doc, h, li, linked, marked, ol, p, pre, quote, selectText, type } from './testing/editor-test-kit';
import { ariaKeyShortcut, sameToolbarState, shortcutLabel, TOOLBAR_ACTIONS, TOOLBAR_GROUPS, toolbarState } from './toolbar-actions';

describe('toolbar actions', () => {
  it('groups every action exactly once', () => {
    expect(TOOLBAR_GROUPS.flat().sort()).toEqual(Object.keys(TOOLBAR_ACTIONS).sort());
  });

  it('reports the marks and blocks at the selection', () => {
    const state = selectText(createState(doc(h(2, marked('Big', 'bold', 'italic')), p('x'))), 'Big');
    const buttons = toolbarState(state);
    expect(buttons.bold.active).toBe(true);
    expect(buttons.italic.active).toBe(true);
    expect(buttons.underline.active).toBe(false);
    expect(buttons.heading2.active).toBe(true);
    expect(buttons.heading1.active).toBe(false);
    expect(buttons.undo.active).toBeUndefined();
  });

  it('reports lists, quotes, code blocks and links', () => {
    expect(toolbarState(createState(doc(ol(li(p('x')))))).ordered_list.active).toBe(true);
    expect(toolbarState(createState(doc(ol(li(p('x')))))).bullet_list.active).toBe(false);
    expect(toolbarState(createState(doc(quote(p('x'))))).blockquote.active).toBe(true);
    expect(toolbarState(createState(doc(pre('x')))).code_block.active).toBe(true);
    expect(toolbarState(selectText(createState(doc(p(linked('here', 'https://example.com')))), 'he', 'end')).link.active).toBe(true);
  });

  it('disables what cannot apply: marks and links in a code block, undo with no history', () => {
    const buttons = toolbarState(createState(doc(pre('x'))));
    expect(buttons.bold.enabled).toBe(false);
    expect(buttons.link.enabled).toBe(false);
    expect(buttons.code_block.enabled).toBe(true);
    expect(buttons.undo.enabled).toBe(false);
  });

  it('runs its commands', () => {
    const state = apply(selectText(createState(doc(p('word'))), 'word'), TOOLBAR_ACTIONS.strike.command!);
    expect(toolbarState(state).strike.active).toBe(true);
  });
});

describe('sameToolbarState', () => {
  it('is true when no button changes (typing inside plain text), false when one does', () => {
    const typed = type(createState(doc(p('x'))), 'a');
    expect(sameToolbarState(toolbarState(typed), toolbarState(type(typed, 'b')))).toBe(true);
    const bold = selectText(createState(doc(p(marked('x', 'bold'), 'y'))), 'x');
    const plain = selectText(bold, 'y');
    expect(sameToolbarState(toolbarState(bold), toolbarState(plain))).toBe(false);
    expect(sameToolbarState(toolbarState(createState(doc(p('x')))), toolbarState(createState(doc(pre('x')))))).toBe(false);
  });
});

describe('shortcut labels', () => {
  it('reads as people type them', () => {
    expect(shortcutLabel('Mod-b', false)).toBe('Ctrl+B');
    expect(shortcutLabel('Mod-Shift-z', false)).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod-Alt-1', true)).toBe('⌘⌥1');
  });

  it('names keys for aria-keyshortcuts', () => {
    expect(ariaKeyShortcut('Mod-Shift-z', false)).toBe('Control+Shift+Z');
    expect(ariaKeyShortcut('Mod-k', true)).toBe('Meta+K');
  });
});
