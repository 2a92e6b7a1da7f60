import type Database from 'better-sqlite3';
import { noSuchDocument } from '../checks';
import { StorageError } from '../storage-error';
import { versionConflict } from '../version-checks';
import { planFold, type FoldRow } from '../version-folding';
import type { NewVersion, VersionFold } from '../version-history';
import type { VersionRow } from '../version-rows';
import { prepareVersionStatements, type VersionStatements } from './version-statements';

/** The version history's side of an open database: statements, and the transaction that makes a version. */
export interface VersionConnection {
  readonly statements: VersionStatements;
  /** Stores the version, its authors and consumes the edit records; returns its row and authors' ids. */
  readonly create: (documentId: string, version: NewVersion, now: number) => { row: VersionRow; authors: readonly string[] };
  /** Thins one automatic version out (`VersionHistory.fold`); false when it is not there. */
  readonly fold: (documentId: string, fold: VersionFold) => boolean;
}

// IMMEDIATE: the head read and the insert hold the write lock together, so a second process making
// the same version number waits, then finds the head moved and is refused.
export function prepareVersionConnection(db: Database.Database): VersionConnection {
  const statements = prepareVersionStatements(db);
  const documentExists = db.prepare<[id: string], number>('SELECT 1 FROM documents WHERE id = ?').pluck();

  const create = db.transaction((documentId: string, version: NewVersion, now: number) => {
    if (!documentExists.get(documentId)) throw noSuchDocument(documentId, 'make a version');
    const head = statements.head.get(documentId);
    const headNumber = head?.number ?? 0;
    if (version.number !== headNumber + 1) throw versionConflict(documentId, version.number, headNumber);
    if (!head && !version.keyframe) {
      throw new StorageError('invalid-argument', `The first version of document "${documentId}" must be a keyframe (a whole state)`);
    }
    const byteLength = version.data.byteLength;
    const chainBytes = version.keyframe || !head ? byteLength : Number(head.chain_bytes) + byteLength;
    statements.clearHeadState.run(documentId);
    const params = {
      id: version.id,
      documentId,
      number: version.number,
      kind: version.kind,
      name: version.name ?? null,
      createdAt: now,
      createdBy: version.createdBy ?? null,
      throughSeq: version.throughSeq,
      keyframe: version.keyframe ? 1 : 0,
      byteLength,
      chainBytes,
      data: version.data,
      state: version.state,
      restoredFrom: version.restoredFrom ?? null,
    };
    statements.insert.run(params);
    const after = head ? Number(head.through_seq) : 0;
    const authors = version.authors ?? statements.editorsThrough.all({ documentId, after, throughSeq: version.throughSeq });
    for (const author of authors) statements.insertAuthor.run(version.id, author);
    // Whatever names it gives, a version holds every row through its seq: their authors are its.
    const scope = { documentId, throughSeq: version.throughSeq };
    statements.forgetEdits.run(scope);
    statements.laterEdits.run(scope);
    const row = statements.get.get(documentId, version.id) as VersionRow;
    return { row, authors };
  });

  const foldRows = db.prepare<[documentId: string], { id: string; number: number; kind: FoldRow['kind']; keyframe: number; byte_length: number }>(
    'SELECT id, number, kind, keyframe, byte_length FROM document_versions WHERE document_id = ? ORDER BY number',
  );
  const moveAuthors = db.prepare<{ from: string; to: string }>(
    'INSERT OR IGNORE INTO document_version_authors (version_id, user_id) SELECT @to, user_id FROM document_version_authors WHERE version_id = @from',
  );
  const deleteVersion = db.prepare<[versionId: string]>('DELETE FROM document_versions WHERE id = ?');
  const rewrite = db.prepare<{ id: string; data: Uint8Array; keyframe: number; byteLength: number }>(
    'UPDATE document_versions SET data = @data, keyframe = @keyframe, byte_length = @byteLength WHERE id = @id',
  );
  const setChainBytes = db.prepare<[chainBytes: number, versionId: string]>('UPDATE document_versions SET chain_bytes = ? WHERE id = ?');

  const fold = db.transaction((documentId: string, request: VersionFold): boolean => {
    const rows = foldRows.all(documentId).map((row) => ({ ...row, keyframe: Boolean(row.keyframe), byteLength: row.byte_length }));
    const plan = planFold(documentId, rows, request);
    if (!plan) return false;
    moveAuthors.run({ from: request.versionId, to: plan.successorId });
    deleteVersion.run(request.versionId);
    rewrite.run({ id: plan.successorId, data: request.data, keyframe: request.keyframe ? 1 : 0, byteLength: request.data.byteLength });
    for (const [id, chainBytes] of plan.chainBytes) setChainBytes.run(chainBytes, id);
    return true;
  });

  return { statements, create: create.immediate, fold: fold.immediate };
}
