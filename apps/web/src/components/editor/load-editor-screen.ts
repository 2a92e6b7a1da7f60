import type { ComponentType } from 'react';
import type { EditorScreenProps } from './editor-screen-props';

/**
 * The editor's libraries in the order they build on each other, each group evaluated in a task of
 * its own. Loaded with the page, the editor's whole module graph was evaluated in the task that
 * hydrates it: 100 ms and more before anything could answer a key or a click. A module evaluated by
 * an earlier group is not evaluated again by a later one, so EditorScreen's own import at the end
 * evaluates only what is left.
 */
const groups: (() => Promise<unknown>[])[] = [
  () => [import('yjs')],
  () => [import('prosemirror-model'), import('prosemirror-transform'), import('prosemirror-state')],
  () => [import('prosemirror-view')],
  () => [import('@quire/editor-schema')],
  () => [import('y-prosemirror'), import('y-protocols/awareness'), import('y-websocket'), import('y-indexeddb')],
  () => [import('prosemirror-tables'), import('prosemirror-commands'), import('prosemirror-inputrules'), import('prosemirror-keymap'), import('prosemirror-schema-list')],
  () => [import('prosemirror-search'), import('prosemirror-dropcursor'), import('prosemirror-gapcursor'), import('prosemirror-autocomplete')],
  () => [import('lowlight'), import('prosemirror-highlight')],
  () => [import('@quire/api-contract')],
  () => [import('@quire/editor')],
];

/** Lets the page handle input and paint between two groups. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** EditorScreen's module, for React.lazy: its libraries first, a group per task. */
export async function loadEditorScreen(): Promise<{ default: ComponentType<EditorScreenProps> }> {
  for (const group of groups) {
    await Promise.all(group());
    await nextTask();
  }
  const { EditorScreen } = await import('./EditorScreen');
  return { default: EditorScreen };
}
