import {
  activeAlignment,
  activeCalloutKind,
  activeColor,
  isBlockActive,
  isMarkActive,
  linkAtSelection,
  setAlignment,
  setHighlight,
  removeHighlight,
  removeTextColor,
  setLink,
  setParagraph,
  setTextColor,
  toggleBlockquote,
  toggleCallout,
  toggleCodeBlock,
  toggleFormat,
  toggleHeading,
  toggleList,
  toggleTaskList,
  insertHorizontalRule,
  TOOLBAR_ACTIONS,
  type ToggleableMark,
} from '@quire/editor';
import { ALIGNMENTS, CALLOUT_KINDS, PALETTE, schema, type NodeName, type PaletteColor } from '@quire/editor-schema';
import type { Command, EditorState } from 'prosemirror-state';

/** What a toolbar control does that is not a plain command: the page answers these. */
export type PageRequest = 'link' | 'image' | 'file';

/** One entry of the toolbar or of one of its menus. */
export interface ToolbarEntry {
  id: string;
  label: string;
  /** ProseMirror key name of its shortcut (`Mod-b`). */
  shortcut?: string;
  /** The command, or what the page must do (ask for an address, open a file picker). */
  run: Command | PageRequest;
  /** For toggles and choices: whether it applies to the selection. */
  isActive?: (state: EditorState) => boolean;
  /** A colour swatch drawn beside the label (palette menus). */
  swatch?: { kind: 'text' | 'highlight'; color: PaletteColor | null };
}

/** A button that opens a menu of entries. */
export interface ToolbarMenu {
  id: string;
  label: string;
  /** `radio`: one entry is the current choice (menuitemradio); `actions`: plain menu items. */
  mode: 'radio' | 'actions';
  entries: readonly ToolbarEntry[];
  /** Swatches laid out in a grid (arrow keys still move one by one). */
  grid?: boolean;
}

export type ToolbarControl = { kind: 'button'; entry: ToolbarEntry } | { kind: 'menu'; menu: ToolbarMenu } | { kind: 'table-picker'; id: 'table'; label: string };

export interface ToolbarGroup {
  label: string;
  controls: readonly ToolbarControl[];
}

/** Whether the selection is inside a node of `name` (at any depth). */
export function isInside(state: EditorState, name: NodeName): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.name === name) return true;
  return false;
}

const mark = (id: ToggleableMark, label: string, shortcut: string): ToolbarEntry => ({
  id,
  label,
  shortcut,
  run: toggleFormat(id),
  isActive: (state) => isMarkActive(state, id),
});

const button = (entry: ToolbarEntry): ToolbarControl => ({ kind: 'button', entry });

const COLOR_NAMES: Record<PaletteColor, string> = {
  gray: 'Gray',
  brown: 'Brown',
  red: 'Red',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  pink: 'Pink',
};

const colorMenu = (kind: 'text' | 'highlight'): ToolbarMenu => {
  const markName = kind === 'text' ? 'text_color' : 'highlight';
  const set = kind === 'text' ? setTextColor : setHighlight;
  return {
    id: kind === 'text' ? 'text_color' : 'highlight',
    label: kind === 'text' ? 'Text colour' : 'Highlight',
    mode: 'radio',
    grid: true,
    entries: [
      {
        id: `${markName}:none`,
        label: kind === 'text' ? 'Default colour' : 'No highlight',
        run: kind === 'text' ? removeTextColor : removeHighlight,
        isActive: (state) => activeColor(state, markName) === null,
        swatch: { kind, color: null },
      },
      ...PALETTE.map((color) => ({
        id: `${markName}:${color}`,
        label: kind === 'text' ? `${COLOR_NAMES[color]} text` : `${COLOR_NAMES[color]} highlight`,
        run: set(color),
        isActive: (state: EditorState) => activeColor(state, markName) === color,
        swatch: { kind, color },
      })),
    ],
  };
};

const CALLOUT_LABELS = { info: 'Info callout', warning: 'Warning callout', success: 'Success callout', error: 'Error callout' } as const;
const ALIGN_LABELS = { left: 'Align left', center: 'Centre', right: 'Align right', justify: 'Justify' } as const;
const ALIGN_KEYS = { left: 'l', center: 'e', right: 'r', justify: 'j' } as const;

/** The text style menu: paragraph and headings 1–4 (the trigger shows the current one). */
export const BLOCK_STYLE_MENU: ToolbarMenu = {
  id: 'block_style',
  label: 'Text style',
  mode: 'radio',
  entries: [
    { id: 'paragraph', label: 'Text', shortcut: 'Mod-Alt-0', run: setParagraph, isActive: (state) => isBlockActive(state, schema.nodes.paragraph) },
    ...([1, 2, 3, 4] as const).map((level) => ({
      id: `heading${level}`,
      label: `Heading ${level}`,
      shortcut: `Mod-Alt-${level}`,
      run: toggleHeading(level),
      isActive: (state: EditorState) => isBlockActive(state, schema.nodes.heading, { level }),
    })),
  ],
};

/**
 * Every control of the main toolbar, in order, by group. Commands come from @quire/editor; this
 * only arranges them, names them and says which show as pressed.
 */
export const TOOLBAR: readonly ToolbarGroup[] = [
  {
    label: 'History',
    controls: [
      button({ id: 'undo', label: 'Undo', shortcut: 'Mod-z', run: TOOLBAR_ACTIONS.undo.command as Command }),
      button({ id: 'redo', label: 'Redo', shortcut: 'Mod-Shift-z', run: TOOLBAR_ACTIONS.redo.command as Command }),
    ],
  },
  { label: 'Text style', controls: [{ kind: 'menu', menu: BLOCK_STYLE_MENU }] },
  {
    label: 'Formatting',
    controls: [
      button(mark('bold', 'Bold', 'Mod-b')),
      button(mark('italic', 'Italic', 'Mod-i')),
      button(mark('underline', 'Underline', 'Mod-u')),
      button(mark('strike', 'Strikethrough', 'Mod-Shift-x')),
      button(mark('code', 'Inline code', 'Mod-e')),
      button(mark('subscript', 'Subscript', 'Mod-,')),
      button(mark('superscript', 'Superscript', 'Mod-.')),
      button({ id: 'link', label: 'Link', shortcut: 'Mod-k', run: 'link', isActive: (state) => linkAtSelection(state) !== null }),
      { kind: 'menu', menu: colorMenu('highlight') },
      { kind: 'menu', menu: colorMenu('text') },
    ],
  },
  {
    label: 'Blocks',
    controls: [
      button({ id: 'bullet_list', label: 'Bulleted list', shortcut: 'Mod-Shift-8', run: toggleList(schema.nodes.bullet_list), isActive: (s) => isInside(s, 'bullet_list') }),
      button({ id: 'ordered_list', label: 'Numbered list', shortcut: 'Mod-Shift-7', run: toggleList(schema.nodes.ordered_list), isActive: (s) => isInside(s, 'ordered_list') }),
      button({ id: 'task_list', label: 'Task list', shortcut: 'Mod-Shift-9', run: toggleTaskList, isActive: (s) => isInside(s, 'task_list') }),
      button({ id: 'blockquote', label: 'Quote', run: toggleBlockquote, isActive: (s) => isInside(s, 'blockquote') }),
      {
        kind: 'menu',
        menu: {
          id: 'callout',
          label: 'Callout',
          mode: 'radio',
          entries: CALLOUT_KINDS.map((kind) => ({
            id: `callout_${kind}`,
            label: CALLOUT_LABELS[kind],
            run: toggleCallout(kind),
            isActive: (state: EditorState) => activeCalloutKind(state) === kind,
          })),
        },
      },
      button({ id: 'code_block', label: 'Code block', run: toggleCodeBlock, isActive: (s) => isBlockActive(s, schema.nodes.code_block) }),
      { kind: 'table-picker', id: 'table', label: 'Table' },
      button({ id: 'image', label: 'Image', run: 'image' }),
      button({ id: 'attachment', label: 'File', run: 'file' }),
      button({ id: 'horizontal_rule', label: 'Divider', run: insertHorizontalRule }),
    ],
  },
  {
    label: 'Alignment',
    controls: [
      {
        kind: 'menu',
        menu: {
          id: 'align',
          label: 'Alignment',
          mode: 'radio',
          entries: ALIGNMENTS.map((align) => ({
            id: `align_${align}`,
            label: ALIGN_LABELS[align],
            shortcut: `Mod-Shift-${ALIGN_KEYS[align]}`,
            run: setAlignment(align),
            isActive: (state: EditorState) => activeAlignment(state) === align,
          })),
        },
      },
    ],
  },
];

/** Whether an entry can run now: its command's dry run, or for page requests where they apply. */
export function canRun(entry: ToolbarEntry, state: EditorState): boolean {
  if (entry.run === 'link') return setLink('https://example.com')(state);
  if (entry.run === 'image' || entry.run === 'file') return !state.selection.$from.parent.type.spec.code;
  return entry.run(state);
}
