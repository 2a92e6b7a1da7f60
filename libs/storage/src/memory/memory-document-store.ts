import {
  checkCompaction,
  checkOpen,
  checkThroughSeqReached,
  checkUpdates,
  documentExists,
  noSuchDocument,
  type StoreState,
} from '../checks';
import type { AppendOptions, DocumentInfo, DocumentStore, StoredDocument } from '../document-store';

interface MemoryRow {
  readonly seq: number;
  readonly data: Uint8Array;
}

interface MemoryDocument {
  title: string;
  titleExplicit: boolean;
  readonly createdAt: number;
  updatedAt: number;
  /** Ordered by seq, like the SQL adapters' index. */
  rows: MemoryRow[];
}

/** What a "database file" holds; shared by the stores `reopen()` makes. */
interface MemoryData {
  readonly documents: Map<string, MemoryDocument>;
  /** One sequence for all documents, like an AUTOINCREMENT column: never reused. */
  lastSeq: number;
}

/**
 * A {@link DocumentStore} in process memory, with the same semantics as the SQL adapters; for tests
 * of other libraries and for running without a database. It copies every byte array it is given
 * or returns, so callers may reuse or modify their buffers.
 */
export class MemoryDocumentStore implements DocumentStore {
  private state: StoreState = 'new';
  private data: MemoryData = { documents: new Map(), lastSeq: 0 };

  /** A new, unopened store over the same data, as a restarted process would find it; for restart tests. */
  reopen(): MemoryDocumentStore {
    const store = new MemoryDocumentStore();
    store.data = this.data;
    return store;
  }

  async open(): Promise<void> {
    if (this.state === 'closed') checkOpen('MemoryDocumentStore', this.state);
    this.state = 'open';
  }

  async createDocument(id: string, title?: string): Promise<DocumentInfo> {
    this.checkOpen();
    if (this.data.documents.has(id)) throw documentExists(id);
    const now = Date.now();
    const document: MemoryDocument = {
      title: title ?? '',
      titleExplicit: title !== undefined,
      createdAt: now,
      updatedAt: now,
      rows: [],
    };
    this.data.documents.set(id, document);
    return info(id, document);
  }

  async getDocument(id: string): Promise<DocumentInfo | undefined> {
    this.checkOpen();
    const document = this.data.documents.get(id);
    return document && info(id, document);
  }

  async listDocuments(): Promise<DocumentInfo[]> {
    this.checkOpen();
    return [...this.data.documents]
      .sort(([idA, a], [idB, b]) => b.updatedAt - a.updatedAt || (idA < idB ? -1 : idA > idB ? 1 : 0))
      .map(([id, document]) => info(id, document));
  }

  async load(id: string): Promise<StoredDocument> {
    this.checkOpen();
    const rows = this.data.documents.get(id)?.rows ?? [];
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
      byteLength: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    this.checkOpen();
    checkUpdates(id, updates);
    const existing = this.data.documents.get(id);
    // Nothing to write: like the SQL adapters, do not touch the document's dates.
    if (updates.length === 0) return { lastSeq: existing?.rows.at(-1)?.seq ?? 0 };
    if (!existing) throw noSuchDocument(id, 'append');

    const now = Date.now();
    const document = existing;
    // Copies first, so that nothing is changed unless everything can be.
    const rows = updates.map((update) => ({ seq: ++this.data.lastSeq, data: new Uint8Array(update) }));
    document.rows.push(...rows);
    document.updatedAt = Math.max(document.updatedAt, now);
    if (options.title !== undefined && !document.titleExplicit) document.title = options.title;
    return { lastSeq: rows[rows.length - 1].seq };
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.checkOpen();
    checkCompaction(id, snapshot, throughSeq);
    const document = this.data.documents.get(id);
    if (!document) throw noSuchDocument(id, 'compact');
    checkThroughSeqReached(id, throughSeq, document.rows.at(-1)?.seq ?? 0);

    const covered = document.rows.filter((row) => row.seq <= throughSeq);
    // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
    if (covered.length === 0) return;
    // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
    const snapshotRow = { seq: covered[covered.length - 1].seq, data: new Uint8Array(snapshot) };
    document.rows = [snapshotRow, ...document.rows.filter((row) => row.seq > throughSeq)];
  }

  async setTitle(id: string, title: string): Promise<void> {
    this.checkOpen();
    const document = this.data.documents.get(id);
    if (!document) throw noSuchDocument(id, 'set the title');
    document.title = title;
    document.titleExplicit = true;
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }

  private checkOpen(): void {
    checkOpen('MemoryDocumentStore', this.state);
  }
}

function info(id: string, document: MemoryDocument): DocumentInfo {
  return {
    id,
    title: document.title,
    createdAt: new Date(document.createdAt),
    updatedAt: new Date(document.updatedAt),
  };
}
