import { checkCompaction, checkThroughSeqReached, checkUpdates, noSuchDocument } from '../checks';
import type { AppendOptions, StoredDocument, UpdateLog } from '../update-log';
import { authorSpans, checkAuthorship } from '../version-checks';
import type { MemoryDocument } from './memory-data';
import type { MemoryData } from './memory-data';

/**
 * The {@link UpdateLog} of a {@link MemoryStorage}, with the same semantics as the SQL adapters'.
 * It copies every byte array it is given or returns, so callers may reuse or modify their buffers.
 */
export class MemoryUpdateLog implements UpdateLog {
  /** `data` refuses calls while the storage is not open. */
  constructor(private readonly data: () => MemoryData) {}

  async load(id: string): Promise<StoredDocument> {
    const rows = this.data().documents.get(id)?.rows ?? [];
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? 0,
      byteLength: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    const data = this.data();
    checkUpdates(id, updates);
    checkAuthorship(id, updates.length, options);
    const document = data.documents.get(id);
    // Nothing to write: like the SQL adapters, do not check the document nor touch its dates.
    if (updates.length === 0) return { lastSeq: document?.rows.at(-1)?.seq ?? 0 };
    // A trashed document takes no edits, as in the SQL adapters (its row stays, its log too).
    if (!document || document.deletedAt !== null) throw noSuchDocument(id, 'append');

    // Copies first, so that nothing is changed unless everything can be.
    const rows = updates.map((update, index) => {
      const author = options.authors?.[index];
      return { seq: ++data.lastSeq, data: new Uint8Array(update), ...(author === undefined ? {} : { author }) };
    });
    document.rows.push(...rows);
    document.updatedAt = Math.max(document.updatedAt, Date.now());
    if (options.title !== undefined && !document.titleExplicit) document.title = options.title;
    for (const client of options.clients ?? []) document.clients.add(`${client.clientId}:${client.userId}`);
    return { lastSeq: rows[rows.length - 1].seq };
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const data = this.data();
    checkCompaction(id, snapshot, throughSeq);
    const document = data.documents.get(id);
    if (!document) throw noSuchDocument(id, 'compact');
    checkThroughSeqReached(id, throughSeq, document.rows.at(-1)?.seq ?? 0);

    const covered = document.rows.filter((row) => row.seq <= throughSeq);
    // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
    if (covered.length === 0) return;
    // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
    foldAuthors(document, covered);
    const snapshotRow = { seq: covered[covered.length - 1].seq, data: new Uint8Array(snapshot) };
    document.rows = [snapshotRow, ...document.rows.filter((row) => row.seq > throughSeq)];
  }
}

/** The authors of rows about to be folded that no version holds yet, kept in `edits` (the SQL adapters' document_edit_authors). */
function foldAuthors(document: MemoryDocument, covered: readonly { seq: number; author?: string }[]): void {
  const versioned = Math.max(0, ...document.versions.map((version) => version.throughSeq));
  const pending = covered.filter((row) => row.seq > versioned);
  for (const [userId, span] of authorSpans(pending.map((row) => row.author), pending.map((row) => row.seq))) {
    const edit = document.edits.get(userId);
    if (edit) {
      edit.first = Math.min(edit.first, span.first);
      edit.last = Math.max(edit.last, span.last);
    } else document.edits.set(userId, { ...span });
  }
}
