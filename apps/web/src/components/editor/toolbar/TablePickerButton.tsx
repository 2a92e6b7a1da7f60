'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import styles from './menu.module.css';
import { MenuChevron, MenuPopoverPanel } from './MenuPopoverPanel';
import type { RovingProps } from './ToolbarMenuButton';
import { ToolbarIcon } from './ToolbarIcon';
import toolbarStyles from './toolbar.module.css';
import { useMenuPopover } from './use-menu-popover';

/** The picker's grid; larger tables grow with Tab in the last cell or the table controls. */
const SIZE = 8;

interface Props {
  enabled: boolean;
  roving: RovingProps;
  onInsert: (rows: number, columns: number, keyboard: boolean) => void;
}

/** The table button: a grid to choose rows and columns by pointer or arrow keys. */
export function TablePickerButton({ enabled, roving, onInsert }: Props) {
  const popover = useMenuPopover({ popup: 'dialog', enabled, roving });

  return (
    <>
      <button {...popover.triggerProps} className={toolbarStyles.button} aria-label="Table" title="Table" data-action="table">
        <ToolbarIcon id="table" />
        <MenuChevron />
      </button>
      <MenuPopoverPanel popover={popover}>
        <SizeGrid
          id={popover.popupId}
          onChoose={(rows, columns, keyboard) => popover.choose(keyboard, () => onInsert(rows, columns, keyboard))}
          onKey={popover.onPopupKey}
        />
      </MenuPopoverPanel>
    </>
  );
}

interface SizeGridProps {
  id: string;
  onChoose: (rows: number, columns: number, keyboard: boolean) => void;
  /** Keys the popup itself answers (Escape, Tab): true when it took the key. */
  onKey: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

function SizeGrid({ id, onChoose, onKey }: SizeGridProps) {
  const [size, setSize] = useState({ rows: 3, columns: 3 });
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const focusOnChange = useRef(true);

  useEffect(() => {
    if (focusOnChange.current) cells.current.get(`${size.rows}x${size.columns}`)?.focus();
  }, [size]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation();
    const moves: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusOnChange.current = true;
      setSize(({ rows, columns }) => ({ rows: clamp(rows + move[0]), columns: clamp(columns + move[1]) }));
    } else {
      onKey(event);
    }
  }

  return (
    <div id={id} role="dialog" aria-label="Insert a table" className={styles.tablePicker} onKeyDown={onKeyDown}>
      <div className={styles.tableGrid} role="group" aria-label="Rows and columns">
        {Array.from({ length: SIZE * SIZE }, (_, index) => {
          const rows = Math.floor(index / SIZE) + 1;
          const columns = (index % SIZE) + 1;
          const chosen = rows === size.rows && columns === size.columns;
          return (
            <button
              key={`${rows}x${columns}`}
              ref={(element) => {
                if (element) cells.current.set(`${rows}x${columns}`, element);
                else cells.current.delete(`${rows}x${columns}`);
              }}
              type="button"
              tabIndex={chosen ? 0 : -1}
              className={styles.tableCell}
              data-in={rows <= size.rows && columns <= size.columns ? '' : undefined}
              aria-label={`${rows} by ${columns} table`}
              onMouseDown={(event) => event.preventDefault()}
              onPointerEnter={() => {
                focusOnChange.current = false;
                setSize({ rows, columns });
              }}
              onClick={(event) => onChoose(rows, columns, event.detail === 0)}
            />
          );
        })}
      </div>
      <p className={styles.tableSize} aria-live="polite">
        {size.rows} × {size.columns}
      </p>
    </div>
  );
}

const clamp = (value: number) => Math.min(Math.max(value, 1), SIZE);
