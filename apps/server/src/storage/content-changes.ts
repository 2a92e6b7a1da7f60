import type { UpdateLog } from '@quire/storage';

/** Told the id of a document whose stored content or title changed. */
export type ContentChangeListener = (documentId: string) => void;

/**
 * Which documents' stored content (or title) changed at this instance, for features that follow
 * content off the relay path (the search index): they are told after an append has stored,
 * and read what they need from the store later. Telling costs the relay path one call per append.
 */
export class ContentChanges {
  private readonly listeners: ContentChangeListener[] = [];

  onChange(listener: ContentChangeListener): void {
    this.listeners.push(listener);
  }

  changed(documentId: string): void {
    for (const listener of this.listeners) listener(documentId);
  }

  /** The log as the hub uses it, telling of every append that stored something. */
  watching(log: UpdateLog): UpdateLog {
    return {
      load: (id) => log.load(id),
      compact: (id, snapshot, throughSeq) => log.compact(id, snapshot, throughSeq),
      append: async (id, updates, options) => {
        const stored = await log.append(id, updates, options);
        if (updates.length > 0) this.changed(id);
        return stored;
      },
    };
  }
}
