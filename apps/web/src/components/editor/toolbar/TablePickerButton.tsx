'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Floating } from '../floating/Floating';
import floatingStyles from '../floating/floating.module.css';
import styles from './menu.module.css';
import type { RovingProps } from './ToolbarMenuButton';
import { ToolbarIcon } from './ToolbarIcon';
import toolbarStyles from './toolbar.module.css';
import { rectOf, usePopup } from './use-popup';

/** The picker's grid; larger tables grow with Tab in the last cell or the table controls. */
const SIZE = 8;

interface Props {
  enabled: boolean;
  roving: RovingProps;
  onInsert: (rows: number, columns: number, keyboard: boolean) => void;
}

/** The table button: a grid to choose rows and columns by pointer or arrow keys. */
export function TablePickerButton({ enabled, roving, onInsert }: Props) {
  const { open, setOpen, close, trigger, popup } = usePopup();
  const dialogId = useId();

  return (
    <>
      <button
        ref={(element) => {
          trigger.current = element;
          roving.register(element);
        }}
        type="button"
        className={toolbarStyles.button}
        tabIndex={roving.tabIndex}
        aria-label="Table"
        title="Table"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        aria-disabled={!enabled}
        data-action="table"
        onFocus={roving.onFocus}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (enabled) setOpen(!open);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && enabled) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <ToolbarIcon id="table" />
        <svg className={toolbarStyles.chevron} width="8" height="8" viewBox="0 0 8 8" aria-hidden="true" focusable="false">
          <path d="M1 2.5 4 5.5 7 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <Floating anchor={rectOf(trigger.current)} placement="below" strategy="fixed" className={floatingStyles.panel}>
          <div ref={popup}>
            <SizeGrid
              id={dialogId}
              onChoose={(rows, columns, keyboard) => {
                close(keyboard);
                onInsert(rows, columns, keyboard);
              }}
              onClose={close}
            />
          </div>
        </Floating>
      ) : null}
    </>
  );
}

function SizeGrid({ id, onChoose, onClose }: { id: string; onChoose: (rows: number, columns: number, keyboard: boolean) => void; onClose: (returnFocus: boolean) => void }) {
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
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    } else if (event.key === 'Tab') {
      onClose(false);
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
