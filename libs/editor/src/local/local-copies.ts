import * as idb from 'lib0/indexeddb';
import { belongsTo, documentOf } from './local-copy-names';

/** One document kept on this device for an account. */
export interface KeptDocument {
  readonly documentId: string;
  /** Changes the server has not acknowledged yet (they exist only here). */
  readonly unsaved: number;
  /** The title its content gave when it was last changed here; '' when it has no text. */
  readonly title: string;
}

function factory(): IDBFactory | undefined {
  return globalThis.indexedDB;
}

async function databaseNames(): Promise<string[]> {
  const indexedDB = factory();
  if (!indexedDB?.databases) return [];
  const databases = await indexedDB.databases();
  return databases.map((database) => database.name ?? '').filter((name) => name !== '');
}

/** The documents kept on this device for `userId`, with their unsaved changes; none without IndexedDB. */
export async function keptDocuments(userId: string): Promise<KeptDocument[]> {
  const kept: KeptDocument[] = [];
  for (const name of await databaseNames()) {
    const documentId = documentOf(name, userId);
    if (documentId === undefined) continue;
    let unsaved = 0;
    let title = '';
    try {
      const db = await idb.openDB(name, () => undefined);
      try {
        if (db.objectStoreNames.contains('custom')) {
          const [custom] = idb.transact(db, ['custom'], 'readonly');
          unsaved = Number((await idb.get(custom, 'unsaved')) ?? 0) || 0;
          title = String((await idb.get(custom, 'title')) ?? '');
        }
      } finally {
        db.close();
      }
    } catch {
      // Unreadable: counted as kept with nothing known unsaved.
    }
    kept.push({ documentId, unsaved, title });
  }
  return kept;
}

/**
 * Deletes every copy `userId` keeps on this device (signing out on a shared computer), set-aside
 * ones too. Resolves with how many databases went.
 */
export async function deleteLocalCopies(userId: string): Promise<number> {
  const names = (await databaseNames()).filter((name) => belongsTo(name, userId));
  await Promise.all(names.map((name) => idb.deleteDB(name)));
  return names.length;
}
