'use client';

import type { EditorView } from 'prosemirror-view';
import { forwardRef, useImperativeHandle } from 'react';
import { useEditorSelector } from '../../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../../lib/editor-state-store';
import { TOOLBAR, type PageRequest } from './toolbar-model';
import { readToolbarStates, sameToolbarStates } from './toolbar-state';
import styles from './toolbar.module.css';
import { controlId, ToolbarControlView } from './ToolbarControlView';
import { useRoving } from './use-roving';

const ORDER = TOOLBAR.flatMap((group) => group.controls.map(controlId));

export interface ToolbarHandle {
  /** Moves focus to the toolbar's current control. */
  focus: () => void;
}

interface Props {
  view: EditorView | null;
  /** The editor's states: the toolbar re-renders when one changes a control, and only then. */
  store: EditorStateStore;
  /** Controls the page answers: a link address, an image or a file to upload. */
  onRequest: (request: PageRequest) => void;
  /** Id of the editable element the toolbar acts on. */
  controls: string;
  disabled: boolean;
  isMac: boolean;
}

/**
 * The formatting toolbar, one Tab stop: arrow keys, Home and End move between controls (the
 * WAI-ARIA toolbar pattern); menus open with ArrowDown, Enter or Space. Controls that do not apply
 * stay focusable with aria-disabled. At 390 px it scrolls sideways, with shadows at the ends that
 * have more.
 */
export const Toolbar = forwardRef<ToolbarHandle, Props>(function Toolbar({ view, store, onRequest, controls, disabled, isMac }, ref) {
  const states = useEditorSelector(store, readToolbarStates, null, sameToolbarStates);
  const { focusCurrent, onKeyDown, roving } = useRoving(ORDER, 'bold');

  useImperativeHandle(ref, () => ({ focus: focusCurrent }), [focusCurrent]);

  return (
    <div role="toolbar" aria-label="Formatting" aria-controls={controls} aria-orientation="horizontal" className={styles.toolbar} onKeyDown={onKeyDown}>
      {TOOLBAR.map((group) => (
        <div key={group.label} role="group" aria-label={group.label} className={styles.group}>
          {group.controls.map((control) => (
            <ToolbarControlView
              key={controlId(control)}
              control={control}
              view={view}
              states={states}
              disabled={disabled}
              isMac={isMac}
              roving={roving(controlId(control))}
              onRequest={onRequest}
            />
          ))}
        </div>
      ))}
    </div>
  );
});
