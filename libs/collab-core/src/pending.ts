import type * as Y from 'yjs';

/** True when the doc holds updates it could not integrate yet: they depend on updates it never got. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Forgets what {@link hasPending} reports, so nothing half-applied lingers in the doc. */
export function clearPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}
