import type { NodeSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

/**
 * `table`, `table_row`, `table_cell` and `table_header` from prosemirror-tables, so its commands,
 * column resizing and cell selection work on them. Cells hold any blocks and carry `colspan`,
 * `rowspan` and `colwidth` (pixel widths, one per spanned column, or null); a header row is a row of
 * `table_header` cells.
 */
export const tableNodeSpecs: Record<'table' | 'table_row' | 'table_cell' | 'table_header', NodeSpec> = tableNodes({
  tableGroup: 'block',
  cellContent: 'block+',
  cellAttributes: {},
});
