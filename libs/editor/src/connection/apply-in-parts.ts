import * as Y from 'yjs';
import { cutUpdate, partsFor, UPDATE_PART_BYTES } from './update-parts';
import { nextTask as afterThisTask, type NextTask } from '../next-task';

/**
 * Applies `updates` to `doc` in order, about UPDATE_PART_BYTES a task: small updates go together,
 * a large one is cut (update-parts.ts). A long document's first sync (sync-in-parts.ts) and its
 * copy on this device (local-copy.ts), each applied in one transaction, held Chromium's main thread
 * 110–138 and 54–77 ms on opening (apps/web-e2e README, `comments-performance`). Each part is its
 * own transaction, with `origin`.
 * Stops, returning false, once `stop()` says so (the page left); throws what Yjs throws.
 */
export async function applyUpdatesInParts(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  origin: unknown,
  stop: () => boolean,
  nextTask: NextTask = afterThisTask,
): Promise<boolean> {
  let batch: (() => Uint8Array)[] = [];
  let bytes = 0;
  const flush = async (): Promise<boolean> => {
    if (batch.length === 0) return true;
    const parts = batch;
    batch = [];
    bytes = 0;
    await new Promise<void>((resolve) => nextTask(resolve));
    if (stop()) return false;
    // Not local (as Y.applyUpdate's own transaction): changes kept on this device, not typed now.
    Y.transact(
      doc,
      () => {
        for (const part of parts) Y.applyUpdate(doc, part(), origin);
      },
      origin,
      false,
    );
    return true;
  };
  for (const update of updates) {
    const count = partsFor(update.length);
    if (count > 1) {
      // Each part cut from a large update is about a part's size already: a task of its own.
      if (!(await flush())) return false;
      for (const part of cutUpdate(update, count)) {
        batch.push(part);
        if (!(await flush())) return false;
      }
      continue;
    }
    // Small ones together, up to a part's size.
    if (bytes + update.length > UPDATE_PART_BYTES && !(await flush())) return false;
    batch.push(() => update);
    bytes += update.length;
  }
  return flush();
}
