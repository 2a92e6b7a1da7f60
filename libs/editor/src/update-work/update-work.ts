import * as Y from 'yjs';
import { cutUpdate, partsFor } from '../connection/update-parts';

/**
 * The decoding a large document costs, done in the update worker (update-worker.ts) so that it does
 * not hold the page. Yjs decodes an update only whole: a 118 KiB first sync (500 paragraphs with a
 * thread each) took 40–95 ms to decode on this repository's 2-core machine, and a copy kept on this
 * device as much again, each in one task of the page. Without a worker, the page does this work its
 * own way, a part at a time where it can (sync-in-parts.ts, local-copy.ts).
 */

/** An update as parts to apply one per task, about UPDATE_PART_BYTES each (update-parts.ts); a small one whole. */
export function partsOfUpdate(update: Uint8Array): Uint8Array[] {
  const count = partsFor(update.length);
  return count > 1 ? cutUpdate(update, count).map((part) => part()) : [update];
}

/** A copy kept on this device, read: whether it makes a whole document, and if so its parts. */
export interface CopyRead {
  /** Every update readable, none depending on one that is missing: safe to merge. */
  readonly whole: boolean;
  /** The document the updates make, as parts to apply in order; none when not whole. */
  readonly parts: Uint8Array[];
}

/** Every struct and deletion `doc` was given is in: none waits for an update it has not had. */
export function nothingPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}

/** Reads a kept copy's updates on a scratch document, and cuts what they make into parts. */
export function readKeptCopy(updates: readonly Uint8Array[]): CopyRead {
  if (updates.length === 0) return { whole: true, parts: [] };
  const scratch = new Y.Doc();
  try {
    Y.transact(scratch, () => {
      for (const update of updates) Y.applyUpdate(scratch, update);
    });
    if (!nothingPending(scratch)) return { whole: false, parts: [] };
    return { whole: true, parts: partsOfUpdate(Y.encodeStateAsUpdate(scratch)) };
  } catch {
    return { whole: false, parts: [] };
  } finally {
    scratch.destroy();
  }
}

/** What the page asks of the update worker. */
export type UpdateWork = { readonly kind: 'parts'; readonly update: Uint8Array } | { readonly kind: 'copy'; readonly updates: Uint8Array[] };

/** The parts (and for a copy, whether it was whole), or why they could not be made. */
export type UpdateWorkResult = CopyRead | { readonly error: string };

/** Does `work`; never throws (an update Yjs cannot read is an `error`). */
export function doUpdateWork(work: UpdateWork): UpdateWorkResult {
  try {
    return work.kind === 'parts' ? { whole: true, parts: partsOfUpdate(work.update) } : readKeptCopy(work.updates);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
