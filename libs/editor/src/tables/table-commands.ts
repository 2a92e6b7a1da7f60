import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { TextSelection, type Command, type Transaction } from 'prosemirror-state';
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  isInTable,
  mergeCells,
  splitCell,
  toggleHeaderRow,
} from 'prosemirror-tables';

/** The largest table `insertTable` makes, in rows and in columns (the size picker's bound). */
export const MAX_TABLE_SIZE = 20;

/**
 * Inserts a `rows` × `columns` table of empty cells after the selection's block (in place of an
 * empty paragraph), its first row a header row unless `header` is false, with the cursor in the
 * first cell. Refused for sizes outside 1…MAX_TABLE_SIZE and inside code.
 */
export function insertTable(rows: number, columns: number, { header = true }: { header?: boolean } = {}): Command {
  return (state, dispatch) => {
    const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_TABLE_SIZE;
    if (!valid(rows) || !valid(columns)) return false;
    const { $from } = state.selection;
    if ($from.parent.type.spec.code) return false;
    const cell = (type: 'table_cell' | 'table_header') => schema.nodes[type].createAndFill() as Node;
    const row = (type: 'table_cell' | 'table_header') => schema.nodes.table_row.create(null, Array.from({ length: columns }, () => cell(type)));
    const table = schema.nodes.table.create(
      null,
      Array.from({ length: rows }, (_, index) => row(header && index === 0 ? 'table_header' : 'table_cell')),
    );
    if (!dispatch) return true;
    const tr = state.tr;
    const emptyParagraph = $from.parent.type === schema.nodes.paragraph && $from.parent.content.size === 0 && $from.depth > 0;
    let at: number;
    if (emptyParagraph) {
      at = $from.before();
      tr.replaceWith(at, $from.after(), table);
    } else {
      at = $from.depth > 0 ? $from.after(1) : $from.pos;
      tr.insert(at, table);
    }
    // table › row › cell › paragraph: the first cell's paragraph starts four positions in.
    tr.setSelection(TextSelection.create(tr.doc, at + 4));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Tab: the next cell; in the last cell, a new row and its first cell (one undo step). */
export const nextCell: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  if (goToNextCell(1)(state, dispatch)) return true;
  if (!dispatch) return true;
  let tr: Transaction | null = null;
  addRowAfter(state, (rowTr) => {
    tr = rowTr;
  });
  const added = tr as Transaction | null;
  if (!added) return true;
  goToNextCell(1)(state.apply(added), (move) => {
    added.setSelection(move.selection);
  });
  dispatch(added.scrollIntoView());
  return true;
};

/** Shift-Tab: the previous cell (stays in the first). */
export const previousCell: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  goToNextCell(-1)(state, dispatch);
  return true;
};

export {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  isInTable,
  mergeCells,
  splitCell,
  toggleHeaderRow,
};
