'use client';

import { shortcutLabel } from '@quire/editor';
import { memo } from 'react';
import { Dialog } from '../common/Dialog';
import styles from './shortcuts-dialog.module.css';

type Row = [what: string, keys: string];

/** Key bindings as ProseMirror names them (`Mod` is Cmd on a Mac); @quire/editor's keymap is the truth. */
const SECTIONS: { title: string; rows: Row[]; literal?: boolean }[] = [
  {
    title: 'Text',
    rows: [
      ['Bold', 'Mod-b'],
      ['Italic', 'Mod-i'],
      ['Underline', 'Mod-u'],
      ['Strikethrough', 'Mod-Shift-x'],
      ['Inline code', 'Mod-e'],
      ['Subscript', 'Mod-,'],
      ['Superscript', 'Mod-.'],
      ['Link', 'Mod-k'],
    ],
  },
  {
    title: 'Blocks',
    rows: [
      ['Text', 'Mod-Alt-0'],
      ['Heading 1 to 4', 'Mod-Alt-1'],
      ['Numbered list', 'Mod-Shift-7'],
      ['Bulleted list', 'Mod-Shift-8'],
      ['Task list', 'Mod-Shift-9'],
      ['Tick the task', 'Mod-Enter'],
      ['Align left, centre, right, justify', 'Mod-Shift-l'],
      ['Line break', 'Shift-Enter'],
      ['Move the block up (or drag its handle)', 'Alt-Shift-ArrowUp'],
      ['Move the block down', 'Alt-Shift-ArrowDown'],
    ],
  },
  {
    title: 'Editing',
    rows: [
      ['Undo your own change', 'Mod-z'],
      ['Redo', 'Mod-Shift-z'],
      ['Find and replace', 'Mod-f'],
      ['Indent a list item or code, next table cell', 'Tab'],
      ['Outdent, previous table cell', 'Shift-Tab'],
      ['Leave the text for the toolbar', 'Escape'],
      ['Table, code or image controls', 'Alt-F10'],
      ['Version history (owners and editors)', 'Mod-Alt-Shift-h'],
      ['Comment on the selection', 'Mod-Alt-m'],
      ['This list', 'Mod-/'],
    ],
  },
  {
    title: 'As you type',
    literal: true,
    rows: [
      ['Insert a block', '/'],
      ['Mention someone', '@'],
      ['Headings', '# to ####'],
      ['Bulleted list', '- or *'],
      ['Numbered list', '1.'],
      ['Task list', '[ ] or [x]'],
      ['Quote', '>'],
      ['Code block', '```'],
      ['Divider', '---'],
    ],
  },
];

/** A binding as people read it, named keys in words or arrows: `Ctrl+Enter`, not `Ctrl+ENTER`; `Alt+Shift+↑`. */
const ARROWS: Record<string, string> = { ARROWUP: '↑', ARROWDOWN: '↓', ARROWLEFT: '←', ARROWRIGHT: '→' };
const keyLabel = (keys: string, isMac: boolean) =>
  shortcutLabel(keys, isMac).replace(/[A-Z]{2,}$/, (key) => ARROWS[key] ?? key[0] + key.slice(1).toLowerCase());

/** Every keyboard shortcut of the editor (`?` outside the text, or Mod-/ anywhere). */
export function ShortcutsDialog({ open, isMac, onClose }: { open: boolean; isMac: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onCancel={onClose} wide>
      <ShortcutTables isMac={isMac} />
      <div className={styles.actions}>
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The tables, rendered once: the dialog is part of the editor screen, which renders again on every
 * answer and state it follows (some forty rows each time, closed or not).
 */
const ShortcutTables = memo(function ShortcutTables({ isMac }: { isMac: boolean }) {
  return (
    <div className={styles.sections} role="region" aria-label="Shortcuts" tabIndex={0}>
      {SECTIONS.map((section) => (
        <table key={section.title} className={styles.table}>
          <caption className={styles.caption}>{section.title}</caption>
          <tbody>
            {section.rows.map(([what, keys]) => (
              <tr key={what}>
                <th scope="row" className={styles.what}>
                  {what}
                </th>
                <td className={styles.keys}>
                  <kbd>{section.literal ? keys : keyLabel(keys, isMac)}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
});
