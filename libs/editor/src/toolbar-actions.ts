import { schema, type HeadingLevel } from '@quire/editor-schema';
import type { Command, EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import {
  findAncestor,
  insertHorizontalRule,
  isBlockActive,
  toggleBlockquote,
  toggleCodeBlock,
  toggleHeading,
  toggleList,
} from './commands/blocks';
import { isMarkActive, toggleFormat, type ToggleableMark } from './commands/formatting';
import { linkAtSelection, setLink } from './commands/link';

/** The marks the toolbar has a button for. */
type ToolbarMark = Exclude<ToggleableMark, 'subscript' | 'superscript'>;

export type ToolbarActionId =
  | ToolbarMark
  | 'link'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bullet_list'
  | 'ordered_list'
  | 'blockquote'
  | 'code_block'
  | 'horizontal_rule'
  | 'undo'
  | 'redo';

/** One toolbar button, independent of how the page draws it. */
export interface ToolbarAction {
  id: ToolbarActionId;
  /** The accessible name, also the tooltip. */
  label: string;
  /** ProseMirror key name of its shortcut, e.g. `Mod-b`. */
  shortcut?: string;
  /** The command; null for the link button, which asks the page for an address first. */
  command: Command | null;
  /** For toggles (shown with aria-pressed): whether it applies to the selection. */
  isActive?: (state: EditorState) => boolean;
}

/** Which group of buttons an action belongs to, for separators. */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarActionId[])[] = [
  ['undo', 'redo'],
  ['heading1', 'heading2', 'heading3'],
  ['bold', 'italic', 'underline', 'strike', 'code', 'link'],
  ['bullet_list', 'ordered_list', 'blockquote', 'code_block', 'horizontal_rule'],
];

const mark = (id: ToolbarMark, label: string, shortcut: string): ToolbarAction => ({
  id,
  label,
  shortcut,
  command: toggleFormat(id),
  isActive: (state) => isMarkActive(state, id),
});

const heading = (level: Exclude<HeadingLevel, 4>): ToolbarAction => ({
  id: `heading${level}`,
  label: `Heading ${level}`,
  shortcut: `Mod-Alt-${level}`,
  command: toggleHeading(level),
  isActive: (state) => isBlockActive(state, schema.nodes.heading, { level }),
});

const inList = (state: EditorState, type: 'bullet_list' | 'ordered_list') =>
  findAncestor(state, [schema.nodes.bullet_list, schema.nodes.ordered_list])?.type === schema.nodes[type];

/** Every toolbar action, by id. */
export const TOOLBAR_ACTIONS: Readonly<Record<ToolbarActionId, ToolbarAction>> = {
  undo: { id: 'undo', label: 'Undo', shortcut: 'Mod-z', command: undoCommand },
  redo: { id: 'redo', label: 'Redo', shortcut: 'Mod-Shift-z', command: redoCommand },
  heading1: heading(1),
  heading2: heading(2),
  heading3: heading(3),
  bold: mark('bold', 'Bold', 'Mod-b'),
  italic: mark('italic', 'Italic', 'Mod-i'),
  underline: mark('underline', 'Underline', 'Mod-u'),
  strike: mark('strike', 'Strikethrough', 'Mod-Shift-x'),
  code: mark('code', 'Inline code', 'Mod-e'),
  link: { id: 'link', label: 'Link', shortcut: 'Mod-k', command: null, isActive: (state) => linkAtSelection(state) !== null },
  bullet_list: {
    id: 'bullet_list',
    label: 'Bulleted list',
    shortcut: 'Mod-Shift-8',
    command: toggleList(schema.nodes.bullet_list),
    isActive: (state) => inList(state, 'bullet_list'),
  },
  ordered_list: {
    id: 'ordered_list',
    label: 'Numbered list',
    shortcut: 'Mod-Shift-7',
    command: toggleList(schema.nodes.ordered_list),
    isActive: (state) => inList(state, 'ordered_list'),
  },
  blockquote: {
    id: 'blockquote',
    label: 'Quote',
    command: toggleBlockquote,
    isActive: (state) => findAncestor(state, [schema.nodes.blockquote]) !== null,
  },
  code_block: {
    id: 'code_block',
    label: 'Code block',
    command: toggleCodeBlock,
    isActive: (state) => isBlockActive(state, schema.nodes.code_block),
  },
  horizontal_rule: { id: 'horizontal_rule', label: 'Divider', command: insertHorizontalRule },
};

/** How each button looks for `state`: pressed (toggles only) and enabled. */
export interface ToolbarButtonState {
  active: boolean | undefined;
  enabled: boolean;
}

/** The state of every toolbar button, computed without changing anything. */
export function toolbarState(state: EditorState): Record<ToolbarActionId, ToolbarButtonState> {
  const result = {} as Record<ToolbarActionId, ToolbarButtonState>;
  for (const action of Object.values(TOOLBAR_ACTIONS)) {
    // The link button is enabled where a link could be set; any safe address answers that.
    const enabled = (action.command ?? setLink('https://example.com'))(state);
    result[action.id] = { active: action.isActive ? action.isActive(state) : undefined, enabled: Boolean(enabled) };
  }
  return result;
}

/**
 * Whether two readings of `toolbarState` would draw the same toolbar: most transactions (typing,
 * a cursor moving, someone else's edit) change no button, and a page re-renders its toolbar only
 * when this is false.
 */
export function sameToolbarState(a: Record<ToolbarActionId, ToolbarButtonState>, b: Record<ToolbarActionId, ToolbarButtonState>): boolean {
  return (Object.keys(a) as ToolbarActionId[]).every((id) => a[id].active === b[id].active && a[id].enabled === b[id].enabled);
}

/** A shortcut as people read it: `Mod-Shift-z` → `Ctrl+Shift+Z`, or `⌘⇧Z` on a Mac. */
export function shortcutLabel(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split(/-(?!$)/);
  const key = (parts.pop() ?? '').toUpperCase();
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Shift: ['Shift', '⇧'],
    Alt: ['Alt', '⌥'],
    Ctrl: ['Ctrl', '⌃'],
  };
  const modifiers = parts.map((part) => names[part]?.[isMac ? 1 : 0] ?? part);
  return isMac ? [...modifiers, key].join('') : [...modifiers, key].join('+');
}

/** The same shortcut for `aria-keyshortcuts`: `Control+Shift+Z` or `Meta+Shift+Z`. */
export function ariaKeyShortcut(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split(/-(?!$)/);
  const key = (parts.pop() ?? '').toUpperCase();
  const names: Record<string, string> = { Mod: isMac ? 'Meta' : 'Control', Shift: 'Shift', Alt: 'Alt', Ctrl: 'Control' };
  return [...parts.map((part) => names[part] ?? part), key].join('+');
}
