import { expect } from 'vitest';
import * as Y from 'yjs';
import { StorageError, type StorageErrorCode } from '../storage-error';

/** The shared text every contract document edits. */
const TEXT = 'text';

/** A Y.Doc and the updates it emits, one per edit, as a client's edits would reach the server. */
export class EditedDoc {
  readonly doc = new Y.Doc();
  private readonly pending: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array) => this.pending.push(update));
  }

  /** Inserts `text` at the end, as one transaction; returns the update it produced. */
  type(text: string): Uint8Array {
    this.doc.getText(TEXT).insert(this.doc.getText(TEXT).length, text);
    return this.take()[0];
  }

  /** Deletes `length` characters at `index`; returns the update it produced. */
  erase(index: number, length: number): Uint8Array {
    this.doc.getText(TEXT).delete(index, length);
    return this.take()[0];
  }

  get text(): string {
    return this.doc.getText(TEXT).toString();
  }

  private take(): Uint8Array[] {
    return this.pending.splice(0);
  }
}

/**
 * Applies stored rows to a fresh Y.Doc, as a server loading the document does, and returns it.
 * Fails when an update is left pending: a row it depends on is missing or comes after it.
 */
export function restore(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  updates.forEach((update) => Y.applyUpdate(doc, update));
  expect(doc.store.pendingStructs, 'updates left waiting for missing rows').toBeNull();
  expect(doc.store.pendingDs, 'deletions left waiting for missing rows').toBeNull();
  return doc;
}

/** The text a document's stored rows reproduce. */
export function textOf(updates: readonly Uint8Array[]): string {
  return restore(updates).getText(TEXT).toString();
}

/** A snapshot of what stored rows hold, as the server builds it before compacting. */
export function snapshotOf(updates: readonly Uint8Array[]): Uint8Array {
  return Y.encodeStateAsUpdate(restore(updates));
}

/** Asserts that `actual` holds exactly the byte arrays of `expected`, in order (fast even for MiB). */
export function expectSameBytes(actual: readonly Uint8Array[], expected: readonly Uint8Array[]): void {
  expect(actual.length, 'number of rows').toBe(expected.length);
  actual.forEach((bytes, index) => {
    expect(bytes, `row ${index}`).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(expected[index]), `row ${index} bytes`).toBe(
      true,
    );
  });
}

/** Sum of the byte lengths, as `load` reports it. */
export function totalBytes(updates: readonly Uint8Array[]): number {
  return updates.reduce((sum, update) => sum + update.byteLength, 0);
}

/** Asserts that `promise` rejects with a {@link StorageError} of this code. */
export async function expectRefused(promise: Promise<unknown>, code: StorageErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a rejection with code ${code}`).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe(code);
}

/** Resolves once the clock has moved on by 2 ms, so timestamps taken before and after differ. */
export async function clockTick(): Promise<void> {
  const start = Date.now();
  while (Date.now() < start + 2) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Resolves after pending I/O callbacks have run, so that other async work gets its turn. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
