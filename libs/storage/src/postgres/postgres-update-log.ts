import type { Pool } from 'pg';
import { checkCompaction, checkThroughSeqReached, checkUpdates, noSuchDocument } from '../checks';
import { checkAuthorship } from '../version-checks';
import type { AppendOptions, StoredDocument, UpdateLog } from '../update-log';
import type { LogStatements, UpdateRow } from './log-statements';
import { inTransaction } from './pool';
import type { CommitObserver } from '../commit-timing';

/**
 * The {@link UpdateLog} of a {@link PostgresStorage}, on its pool. A document's appends and
 * compactions take its `documents` row lock, so they run one at a time, in any number of
 * instances, and a document's seqs are in commit order (see the README).
 */
export class PostgresUpdateLog implements UpdateLog {
  /** `pool` refuses calls while the storage is not open. */
  constructor(
    private readonly statements: LogStatements,
    private readonly pool: () => Pool,
    private readonly observe?: CommitObserver,
  ) {}

  async load(id: string): Promise<StoredDocument> {
    // One statement reads one snapshot of the log, even while other connections write.
    const { rows } = await this.pool().query<UpdateRow>(this.statements.loadUpdates, [id]);
    return {
      updates: rows.map(({ data }) => ownBytes(data)),
      lastSeq: rows.length === 0 ? 0 : toSeq(rows[rows.length - 1].seq_text),
      byteLength: rows.reduce((sum, { data }) => sum + data.byteLength, 0),
    };
  }

  async append(id: string, updates: readonly Uint8Array[], options: AppendOptions = {}): Promise<{ lastSeq: number }> {
    const pool = this.pool();
    checkUpdates(id, updates);
    checkAuthorship(id, updates.length, options);
    // Nothing to write: do not check the document nor touch its dates.
    if (updates.length === 0) {
      const { rows } = await pool.query<{ last_seq: string | null }>(this.statements.lastSeq, [id]);
      return { lastSeq: toSeq(rows[0].last_seq) };
    }
    // One statement, one round trip: in autocommit it is its own transaction.
    const authors = options.authors?.map((author) => author ?? null) ?? [];
    const clients = options.clients ?? [];
    const started = performance.now();
    const query = pool.query<{ last_seq: string | null }>(this.statements.appendUpdates, [
      id,
      updates,
      options.title ?? null,
      authors,
      clients.map((client) => client.clientId),
      clients.map((client) => client.userId),
    ]);
    // What the event loop spent on this commit: encoding and handing the query to the pool.
    const blockedSeconds = (performance.now() - started) / 1000;
    const report = (ok: boolean) =>
      this.observe?.({ appends: 1, latencySeconds: (performance.now() - started) / 1000, blockedSeconds, ok });
    const { rows } = await query.then(
      (result) => {
        report(true);
        return result;
      },
      (error: unknown) => {
        report(false);
        throw error;
      },
    );
    // No row was locked, so nothing was inserted: the document does not exist (or was just deleted).
    if (rows[0].last_seq === null) throw noSuchDocument(id, 'append');
    // Converted here: a seq JavaScript cannot represent is an error, not a wrong number.
    return { lastSeq: toSeq(rows[0].last_seq) };
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const pool = this.pool();
    checkCompaction(id, snapshot, throughSeq);
    await inTransaction(pool, async (client) => {
      // Waits for an append in progress; the statements after it see every row committed before.
      const locked = await client.query(this.statements.lockDocument, [id]);
      if (locked.rowCount === 0) throw noSuchDocument(id, 'compact');
      const { rows } = await client.query<{ last_seq: string | null; newest_covered: string | null }>(
        this.statements.logBounds,
        [id, throughSeq],
      );
      checkThroughSeqReached(id, throughSeq, toSeq(rows[0].last_seq));
      // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
      if (rows[0].newest_covered === null) return;
      // The rows' authors outlive them until a version names them.
      await client.query(this.statements.foldAuthors, [id, throughSeq]);
      await client.query(this.statements.deleteThrough, [id, throughSeq]);
      // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
      await client.query(this.statements.insertSnapshot, [rows[0].newest_covered, id, snapshot]);
    });
  }
}

/** A `seq` as pg gives a bigint (text), as a number; refuses what a number cannot hold exactly. */
function toSeq(text: string | null): number {
  if (text === null) return 0;
  const seq = Number(text);
  if (!Number.isSafeInteger(seq)) {
    throw new RangeError(
      `Sequence number ${text} is beyond Number.MAX_SAFE_INTEGER: the document_updates sequence has run too far`,
    );
  }
  return seq;
}

/**
 * The bytes as a plain Uint8Array the caller owns. pg decodes small values into Node's shared
 * Buffer pool: those are copied, so that no caller holds a view over other rows' memory.
 */
function ownBytes(buffer: Buffer): Uint8Array {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) {
    return new Uint8Array(buffer.buffer, 0, buffer.byteLength);
  }
  return new Uint8Array(buffer);
}
