import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { nextCell, previousCell } from './table-commands';

/**
 * prosemirror-tables' plugins: column resizing (drag a cell border; widths are stored in the
 * cells' `colwidth`, so they are shared), cell selection and table-aware editing, and Tab /
 * Shift-Tab between cells. Comes before Quire's keymap so Tab in a cell moves between cells.
 */
export function buildTablePlugins(): Plugin[] {
  return [columnResizing({ cellMinWidth: 48 }), tableEditing(), keymap({ Tab: nextCell, 'Shift-Tab': previousCell })];
}
