import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { toggleTaskItem } from './task-commands';

/** The key of `taskCheckboxPlugin`. */
export const taskCheckboxKey = new PluginKey('quire-task-checkbox');

/**
 * Ticks a task when its checkbox (`.quire-task-checkbox input`, drawn by the schema) is clicked or
 * tapped, in editable editors only. Keyboard users tick with Mod-Enter in the task.
 */
export function taskCheckboxPlugin(): Plugin {
  return new Plugin({
    key: taskCheckboxKey,
    props: {
      handleDOMEvents: {
        mousedown: (view, event) => handleCheckbox(view, event),
        // A click on the checkbox must not toggle it natively: the document decides.
        click: (view, event) => isCheckbox(event.target) && (event.preventDefault(), true),
      },
    },
  });
}

function isCheckbox(target: EventTarget | null): target is HTMLInputElement {
  const element = target as HTMLElement | null;
  return element?.tagName === 'INPUT' && element.closest?.('.quire-task-checkbox') !== null;
}

/** Ticks the task whose checkbox `event` hit; exported for tests without a browser's layout. */
export function handleCheckbox(view: EditorView, event: Event): boolean {
  if (!isCheckbox(event.target)) return false;
  event.preventDefault();
  if (!view.editable) return true;
  const item = event.target.closest('li');
  if (!item) return false;
  const pos = view.posAtDOM(item, 0) - 1;
  toggleTaskItem(pos)(view.state, view.dispatch);
  return true;
}
