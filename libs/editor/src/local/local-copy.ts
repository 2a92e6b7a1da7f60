import type { Role } from '@quire/api-contract';
import { deriveTitle } from '@quire/editor-schema';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { CollabSession } from '../connection/collab-session';
import { nothingPending, type CopyRead } from '../update-work/update-work';
import { readCopyOffThePage } from '../update-work/update-work-client';
import { applyUpdatesInParts } from '../connection/apply-in-parts';
import { localCopyName, setAsideName } from './local-copy-names';

/** What became of this document's copy on this device. */
export type LocalCopyState =
  /** Being read: the page shows it as soon as it is. */
  | { readonly kind: 'loading' }
  /** Kept: every change is written to this device as it is made. */
  | { readonly kind: 'kept' }
  /** IndexedDB is unavailable or full: the page works online, and offline copies are off. */
  | { readonly kind: 'off'; readonly reason: string }
  /** The copy on this device could not be read: kept apart under `name`, not merged. */
  | { readonly kind: 'set-aside'; readonly name: string }
  /** Deleted from this device: access to the document was lost. */
  | { readonly kind: 'deleted' };

/** What the copy remembers beside the document. */
const UNSAVED_KEY = 'unsaved';
const ROLE_KEY = 'role';
const CLIENTS_KEY = 'clients';
/** The title as the content gives it, for the list of documents kept on this device. */
export const TITLE_KEY = 'title';
const STORES: [string, IDBObjectStoreParameters?][] = [['updates', { autoIncrement: true }], ['custom']];
/** The origin of what the copy on this device brings: kept changes, not new edits. */
const FROM_THIS_DEVICE = { localCopy: true };
CollabSession.notLocal(FROM_THIS_DEVICE);

/**
 * Keeps `session`'s document for `userId` in IndexedDB with y-indexeddb: read before the network
 * answers (the page shows it at once) and merged with the server's when it connects, written on
 * every change, with the changes the server has not acknowledged yet and the person's role.
 * Fails soft: without IndexedDB, or when it is full, the page goes on online ("offline copies are
 * off"); a copy that cannot be read is set aside whole, never merged half. Deletes itself when the
 * server says the person lost access (4403, 4404).
 */
export class LocalCopy {
  private persistence: IndexeddbPersistence | undefined;
  private current: LocalCopyState = { kind: 'loading' };
  private readonly listeners = new Set<(state: LocalCopyState) => void>();
  private readonly unsubscribes: (() => void)[] = [];
  private closed = false;
  readonly name: string;

  constructor(
    private readonly session: CollabSession,
    private readonly userId: string,
    private readonly documentId: string,
    private readonly factory: IDBFactory | undefined = globalThis.indexedDB,
  ) {
    this.name = localCopyName(userId, documentId);
    void this.open();
  }

  get state(): LocalCopyState {
    return this.current;
  }

  subscribe(listener: (state: LocalCopyState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops writing to this device (the page is leaving); the copy stays. */
  close(): void {
    this.closed = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    void this.persistence?.destroy();
    this.listeners.clear();
  }

  private async open(): Promise<void> {
    if (!this.factory) {
      this.set({ kind: 'off', reason: 'This browser keeps no data for websites (IndexedDB is unavailable).' });
      return;
    }
    let stored: { updates: Uint8Array[]; unsaved: number; role: Role | undefined; clients: number[] };
    try {
      stored = await readCopy(this.name);
    } catch (error) {
      this.set({ kind: 'off', reason: reasonOf(error) });
      return;
    }
    if (this.closed) return;
    // Read in the update worker where the page has one (update-work-client.ts): on the page, a long
    // document's copy held it 54–77 ms, decoded twice (the check, then the merge). Without one, it is
    // checked and applied on the page, a part at a time.
    const copy: CopyRead = (await readCopyOffThePage(stored.updates)) ?? { whole: await decodesWhole(stored.updates, () => this.closed), parts: stored.updates };
    if (this.closed) return;
    if (copy.whole) {
      // Shown a part at a time (connection/apply-in-parts.ts); y-indexeddb then finds every change already in.
      try {
        if (!(await applyUpdatesInParts(this.session.doc, copy.parts, FROM_THIS_DEVICE, () => this.closed))) return;
      } catch {
        // Read whole a moment ago: y-indexeddb applies it below, as it always has.
      }
    } else {
      try {
        const name = await setAside(this.name, setAsideName(this.userId, this.documentId, Date.now()), stored.updates);
        this.set({ kind: 'set-aside', name });
      } catch (error) {
        this.set({ kind: 'off', reason: reasonOf(error) });
        return;
      }
      if (this.closed) return;
    }
    const persistence = new IndexeddbPersistence(this.name, this.session.doc);
    // What it applies while loading is what this device kept, not new edits.
    CollabSession.notLocal(persistence);
    this.persistence = persistence;
    try {
      await persistence.whenSynced;
      // A write now: a full disk (quota) says so here rather than losing later edits silently.
      await persistence.set(CLIENTS_KEY, JSON.stringify([...new Set([...stored.clients, this.session.doc.clientID])]));
    } catch (error) {
      void persistence.destroy();
      this.persistence = undefined;
      this.set({ kind: 'off', reason: reasonOf(error) });
      return;
    }
    if (this.closed) return;
    if (stored.role) this.session.restoreRole(stored.role);
    this.session.restoreUnsaved(stored.unsaved, stored.clients);
    let title: string | undefined;
    const keepTitle = () => {
      const now = deriveTitle(this.session.doc);
      if (now === title) return;
      title = now;
      void persistence.set(TITLE_KEY, now).catch(() => undefined);
    };
    keepTitle();
    this.unsubscribes.push(
      this.session.subscribeUnsaved((unsaved) => {
        void persistence.set(UNSAVED_KEY, unsaved).catch(() => undefined);
        keepTitle();
      }),
      this.session.subscribe((state) => {
        if (state.role) void persistence.set(ROLE_KEY, state.role).catch(() => undefined);
        if (state.status.kind === 'closed' && (state.status.reason === 'forbidden' || state.status.reason === 'not-found')) void this.delete();
      }),
    );
    if (this.current.kind === 'loading') this.set({ kind: 'kept' });
  }

  /** Access lost: nothing of the document stays on this device. */
  private async delete(): Promise<void> {
    const persistence = this.persistence;
    this.persistence = undefined;
    await persistence?.clearData();
    this.set({ kind: 'deleted' });
  }

  private set(state: LocalCopyState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** Reads a copy's updates and what it remembers, without applying anything. */
async function readCopy(name: string): Promise<{ updates: Uint8Array[]; unsaved: number; role: Role | undefined; clients: number[] }> {
  const db = await idb.openDB(name, (created) => idb.createStores(created, STORES));
  try {
    const [updatesStore, custom] = idb.transact(db, ['updates', 'custom'], 'readonly');
    const updates = (await idb.getAll(updatesStore)) as Uint8Array[];
    const unsaved = Number((await idb.get(custom, UNSAVED_KEY)) ?? 0);
    const role = (await idb.get(custom, ROLE_KEY)) as Role | undefined;
    let clients: number[] = [];
    try {
      clients = JSON.parse(String((await idb.get(custom, CLIENTS_KEY)) ?? '[]')) as number[];
    } catch {
      clients = [];
    }
    return { updates, unsaved: Number.isFinite(unsaved) ? unsaved : 0, role, clients: Array.isArray(clients) ? clients : [] };
  } finally {
    db.close();
  }
}

/**
 * Whether the updates form a whole document: each readable, none depending on one that is missing
 * (applied to a scratch document a part at a time; false too if `stop()` ends it early).
 */
export async function decodesWhole(updates: readonly Uint8Array[], stop: () => boolean = () => false): Promise<boolean> {
  const scratch = new Y.Doc();
  try {
    if (!(await applyUpdatesInParts(scratch, updates, null, stop))) return false;
    return nothingPending(scratch);
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}

/** Moves an unreadable copy to a database of its own (for export), and removes it from where the page reads. */
async function setAside(from: string, to: string, updates: readonly Uint8Array[]): Promise<string> {
  const db = await idb.openDB(to, (created) => idb.createStores(created, STORES));
  try {
    const [store] = idb.transact(db, ['updates']);
    // lib0 types keys and values narrowly; IndexedDB stores the bytes as y-indexeddb does.
    for (const update of updates) await idb.addAutoKey(store, update as unknown as ArrayBuffer);
  } finally {
    db.close();
  }
  await idb.deleteDB(from);
  return to;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'QuotaExceededError') return 'This device has no room left for offline copies.';
  return 'This browser does not let Quire keep offline copies here.';
}
