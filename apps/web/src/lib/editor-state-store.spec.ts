import { schema } from '@quire/editor-schema';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it, vi } from 'vitest';
import { EditorStateStore } from './editor-state-store';

describe('EditorStateStore', () => {
  it('holds the latest state and tells subscribers of each new one, until they unsubscribe', () => {
    const store = new EditorStateStore();
    const heard = vi.fn();
    const stop = store.subscribe(heard);
    expect(store.state).toBeNull();

    const first = EditorState.create({ schema });
    store.set(first);
    const second = first.apply(first.tr.insertText('x'));
    store.set(second);
    expect(store.state).toBe(second);
    expect(heard).toHaveBeenCalledTimes(2);

    store.set(second);
    expect(heard).toHaveBeenCalledTimes(2);

    stop();
    store.set(null);
    expect(store.state).toBeNull();
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
