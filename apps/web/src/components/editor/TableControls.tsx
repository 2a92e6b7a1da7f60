'use client';

import {
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
} from '@quire/editor';
import { schema } from '@quire/editor-schema';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import styles from './toolbar/toolbar.module.css';
import { ToolbarIcon } from './toolbar/ToolbarIcon';
import { useRoving } from './toolbar/use-roving';

interface TableAction {
  id: string;
  label: string;
  command: Command;
}

const ACTIONS: readonly TableAction[] = [
  { id: 'row_above', label: 'Add row above', command: addRowBefore },
  { id: 'row_below', label: 'Add row below', command: addRowAfter },
  { id: 'delete_row', label: 'Delete row', command: deleteRow },
  { id: 'column_left', label: 'Add column before', command: addColumnBefore },
  { id: 'column_right', label: 'Add column after', command: addColumnAfter },
  { id: 'delete_column', label: 'Delete column', command: deleteColumn },
  { id: 'header_row', label: 'Header row', command: toggleHeaderRow },
  { id: 'merge_cells', label: 'Merge cells', command: mergeCells },
  { id: 'split_cell', label: 'Split cell', command: splitCell },
  { id: 'delete_table', label: 'Delete table', command: deleteTable },
];
const ORDER = ACTIONS.map((action) => action.id);

interface TableState {
  /** Where the table starts. */
  pos: number;
  /** The actions that apply, as a string of 0s and 1s in ACTIONS' order (cheap to compare). */
  enabled: string;
  header: boolean;
}

function readTable(state: EditorState): TableState | null {
  // Selected text inside a cell gets the formatting bubble, which would sit on this bar.
  if (!isInTable(state) || (state.selection instanceof TextSelection && !state.selection.empty)) return null;
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type !== schema.nodes.table) continue;
    const firstCell = node.firstChild?.firstChild;
    return {
      pos: $from.before(depth),
      enabled: ACTIONS.map((action) => (action.command(state) ? '1' : '0')).join(''),
      header: firstCell?.type === schema.nodes.table_header,
    };
  }
  return null;
}

const sameTable = (a: TableState | null, b: TableState | null) => a === b || (a !== null && b !== null && a.pos === b.pos && a.enabled === b.enabled && a.header === b.header);

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editable: boolean;
  topInset: () => number;
}

/**
 * Rows, columns, the header row, merging and splitting for the table the selection is in, in a bar
 * above the table (it stays below the page header while the table scrolls under it).
 */
export function TableControls({ view, store, editable, topInset }: Props) {
  const table = useEditorSelector(store, readTable, null, sameTable);
  const { onKeyDown, roving } = useRoving(ORDER, 'row_below');
  if (!view || !table || !editable) return null;

  return (
    <Floating
      anchor={() => (view.isDestroyed ? null : ((view.nodeDOM(table.pos) as HTMLElement | null)?.getBoundingClientRect() ?? null))}
      placement="above"
      strategy="absolute"
      watch={table.pos}
      observe={view.dom}
      topInset={topInset}
      className={floatingStyles.panel}
    >
      <div role="toolbar" aria-label="Table" className={`${styles.toolbar} ${styles.bubble}`} onKeyDown={onKeyDown} data-table-controls="">
        {ACTIONS.map((action, index) => {
          const enabled = table.enabled[index] === '1';
          const { register, ...focus } = roving(action.id);
          return (
            <button
              key={action.id}
              ref={register}
              type="button"
              className={styles.button}
              {...focus}
              aria-label={action.label}
              title={action.label}
              aria-disabled={!enabled}
              aria-pressed={action.id === 'header_row' ? table.header : undefined}
              data-action={action.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                if (!enabled) return;
                action.command(view.state, view.dispatch, view);
                if (event.detail > 0) view.focus();
              }}
            >
              <ToolbarIcon id={action.id} />
            </button>
          );
        })}
      </div>
    </Floating>
  );
}
