import type Database from 'better-sqlite3';
import { checkThroughSeqReached, noSuchDocument } from '../checks';
import type { ClientAuthor } from '../version-history';
import { prepareLogStatements, type LogStatements } from './log-statements';

/** What one append writes: the part that crosses to the writer thread. */
export interface AppendRecord {
  readonly id: string;
  readonly updates: readonly Uint8Array[];
  readonly title: string | null;
  readonly authors: readonly (string | undefined)[] | undefined;
  readonly clients: readonly ClientAuthor[] | undefined;
}

/** An accepted append, waiting for the end of the turn. */
export interface QueuedAppend extends AppendRecord {
  readonly resolve: (result: { lastSeq: number }) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendOutcome = { lastSeq: number } | { error: unknown };

/** The update log's side of an open database: statements, and the transactions that need several. */
export interface LogConnection {
  readonly statements: LogStatements;
  /** One outcome per append, in order; throws when the transaction as a whole fails. */
  readonly appendAll: (batch: readonly AppendRecord[]) => AppendOutcome[];
  readonly compact: (id: string, snapshot: Uint8Array, throughSeq: number) => void;
}

// Write transactions are IMMEDIATE: they take the write lock before their first read, so another
// process writing meanwhile makes them wait (busy_timeout) instead of fail with SQLITE_BUSY.
export function prepareLogConnection(db: Database.Database): LogConnection {
  const statements = prepareLogStatements(db);
  // Run inside appendAll, this is a savepoint: a refused append undoes its own rows only.
  const appendOne = db.transaction(({ id, updates, title, authors, clients }: AppendRecord) => {
    if (statements.touchDocument.run({ id, title, now: Date.now() }).changes === 0) throw noSuchDocument(id, 'append');
    let lastSeq = 0;
    updates.forEach((update, index) => {
      lastSeq = Number(statements.insertUpdate.run(id, update, authors?.[index] ?? null).lastInsertRowid);
    });
    for (const client of clients ?? []) statements.recordClient.run(id, client.clientId, client.userId);
    return lastSeq;
  });
  const appendAll = db.transaction((batch: readonly AppendRecord[]) =>
    batch.map((append): AppendOutcome => {
      try {
        return { lastSeq: appendOne(append) };
      } catch (error) {
        // SQLite rolled back the whole transaction (I/O error, full disk, RAISE(ROLLBACK)): the appends
        // before this one are gone too, and those after it must not commit on their own.
        if (!db.inTransaction) throw error;
        return { error };
      }
    }),
  );
  const compact = db.transaction((id: string, snapshot: Uint8Array, throughSeq: number) => {
    if (!statements.documentExists.get(id)) throw noSuchDocument(id, 'compact');
    checkThroughSeqReached(id, throughSeq, statements.lastSeq.get(id) ?? 0);
    const newestCovered = statements.lastSeqThrough.get(id, throughSeq);
    // Nothing left to replace: a newer compaction already covers these rows, and this snapshot is stale.
    if (newestCovered === null || newestCovered === undefined) return;
    // The rows' authors outlive them until a version names them.
    statements.foldAuthors.run({ id, throughSeq });
    statements.deleteThrough.run(id, throughSeq);
    // The snapshot takes the slot of the newest row it replaces, so it stays before every row it did not.
    statements.insertSnapshot.run(newestCovered, id, snapshot);
  });
  return { statements, appendAll: appendAll.immediate, compact: compact.immediate };
}
