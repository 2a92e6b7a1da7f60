import type { EditorState } from 'prosemirror-state';

/**
 * The editor's current state, outside React: the view puts every new state here, and the parts of
 * the page that show some of it (the toolbar's buttons) read it through `useEditorSelector`, so a
 * transaction re-renders only what it changed, and a remote cursor moving nothing at all.
 */
export class EditorStateStore {
  private current: EditorState | null = null;
  private readonly listeners = new Set<() => void>();

  /** The latest state; null before the view exists and after it is destroyed. */
  get state(): EditorState | null {
    return this.current;
  }

  /** Replaces the state and tells every subscriber. */
  set(state: EditorState | null): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each change; returns the unsubscribe (as `useSyncExternalStore` wants). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
