/**
 * A map whose entries can be watched one key at a time, outside React: node views (drawn by
 * ProseMirror, not React) update their own DOM when their entry changes, so an upload's progress
 * or a person's new name redraws one element and re-renders nothing.
 */
export class LiveMap<V> {
  private readonly values = new Map<string, V>();
  private readonly listeners = new Map<string, Set<() => void>>();

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** The keys that have a value now. */
  keys(): string[] {
    return [...this.values.keys()];
  }

  set(key: string, value: V): void {
    this.values.set(key, value);
    this.notify(key);
  }

  delete(key: string): void {
    if (this.values.delete(key)) this.notify(key);
  }

  /** Replaces every entry, telling the watchers of the keys whose value changed. */
  replace(entries: Iterable<[string, V]>): void {
    const next = new Map(entries);
    const changed = new Set<string>();
    for (const [key, value] of next) if (this.values.get(key) !== value) changed.add(key);
    for (const key of this.values.keys()) if (!next.has(key)) changed.add(key);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
    for (const key of changed) this.notify(key);
  }

  /** Calls `listener` after each change of `key`; returns the unsubscribe. */
  watch(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  private notify(key: string): void {
    for (const listener of this.listeners.get(key) ?? []) listener();
  }
}
