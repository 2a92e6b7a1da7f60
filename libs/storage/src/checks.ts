import { StorageError } from './storage-error';

// Refusals shared by every adapter, so that they refuse the same calls with the same messages.

/** Where a storage is in its life: `open()` moves it from `new` to `open`, `close()` to `closed`. */
export type StoreState = 'new' | 'open' | 'closed';

/** Refuses calls, to the log and the directory alike, before `open()` and after `close()`. */
export function checkOpen(storageName: string, state: StoreState): void {
  if (state === 'new') {
    throw new StorageError('not-open', `${storageName} is not open: await storage.open() before using it`);
  }
  if (state === 'closed') {
    throw new StorageError('closed', `${storageName} is closed: create and open a new one`);
  }
}

/**
 * Refuses empty updates: no Yjs update is zero bytes, and storing one would make the document
 * fail to load forever after (`Y.applyUpdate` throws on it).
 */
export function checkUpdates(id: string, updates: readonly Uint8Array[]): void {
  updates.forEach((update, index) => {
    if (!(update instanceof Uint8Array) || update.byteLength === 0) {
      throw new StorageError(
        'invalid-argument',
        `Update ${index + 1} of ${updates.length} for document "${id}" is empty or not a Uint8Array: ` +
          'pass the bytes Yjs produced (a Yjs update is never empty)',
      );
    }
  });
}

/** Refuses an empty snapshot and a `throughSeq` that is not a positive integer. */
export function checkCompaction(id: string, snapshot: Uint8Array, throughSeq: number): void {
  if (!(snapshot instanceof Uint8Array) || snapshot.byteLength === 0) {
    throw new StorageError(
      'invalid-argument',
      `Snapshot for document "${id}" is empty or not a Uint8Array: pass Y.encodeStateAsUpdate(doc)`,
    );
  }
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 1) {
    throw new StorageError(
      'invalid-argument',
      `throughSeq ${throughSeq} for document "${id}" is not a positive integer: pass the lastSeq that load() returned`,
    );
  }
}

/**
 * Refuses a `throughSeq` beyond the document's newest row: it cannot have come from `load` or
 * `append` for this document, and honouring it could delete rows the snapshot never saw.
 */
export function checkThroughSeqReached(id: string, throughSeq: number, lastSeq: number): void {
  if (throughSeq > lastSeq) {
    throw new StorageError(
      'invalid-argument',
      `throughSeq ${throughSeq} is beyond the last row (${lastSeq}) of document "${id}": ` +
        'pass the lastSeq that load() or append() returned for this document',
    );
  }
}

/** The error for a call about a document that was never created nor written. */
export function noSuchDocument(id: string, action: string): StorageError {
  return new StorageError(
    'no-such-document',
    `Cannot ${action}: no document "${id}" (it was never created, or was deleted)`,
  );
}

/** The error for creating a document with an id that is taken. */
export function documentExists(id: string): StorageError {
  return new StorageError('document-exists', `Document "${id}" already exists: choose another id`);
}
