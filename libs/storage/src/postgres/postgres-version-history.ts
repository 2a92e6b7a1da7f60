import type { Pool } from 'pg';
import { noSuchDocument } from '../checks';
import { StorageError } from '../storage-error';
import { checkNewVersion, versionConflict } from '../version-checks';
import { planFold, type FoldRow } from '../version-folding';
import type { ClientAuthor, NewVersion, VersionChain, VersionFold, VersionHead, VersionHistory, VersionInfo } from '../version-history';
import { toHead, toVersions, type VersionAuthorRow, type VersionHeadRow, type VersionRow } from '../version-rows';
import { inTransaction } from './pool';
import type { VersionStatements } from './version-statements';

/**
 * The {@link VersionHistory} of a {@link PostgresStorage}, on its pool. Two instances making the
 * same version number of a document collide on the unique (document, number) key: the second
 * waits for the first to commit, then is refused with `conflict` and changes nothing.
 */
export class PostgresVersionHistory implements VersionHistory {
  /** `pool` refuses calls while the storage is not open. */
  constructor(
    private readonly statements: VersionStatements,
    private readonly pool: () => Pool,
  ) {}

  async head(documentId: string): Promise<VersionHead | undefined> {
    const { rows } = await this.pool().query<VersionHeadRow>(this.statements.head, [documentId]);
    return rows[0] && toHead(rows[0]);
  }

  async create(documentId: string, version: NewVersion): Promise<VersionInfo> {
    const pool = this.pool();
    checkNewVersion(documentId, version);
    const s = this.statements;
    try {
      return await inTransaction(pool, async (client) => {
        // The foreign key catches a delete that commits after this; this gives the refusal before the head is judged.
        if ((await client.query(s.documentExists, [documentId])).rowCount === 0) throw noSuchDocument(documentId, 'make a version');
        const head = (await client.query<VersionHeadRow>(s.head, [documentId])).rows[0];
        const headNumber = head?.number ?? 0;
        if (version.number !== headNumber + 1) throw versionConflict(documentId, version.number, headNumber);
        if (!head && !version.keyframe) {
          throw new StorageError('invalid-argument', `The first version of document "${documentId}" must be a keyframe (a whole state)`);
        }
        const byteLength = version.data.byteLength;
        const chainBytes = version.keyframe || !head ? byteLength : Number(head.chain_bytes) + byteLength;
        await client.query(s.clearHeadState, [documentId]);
        await client.query(s.insert, [
          version.id,
          documentId,
          version.number,
          version.kind,
          version.name ?? null,
          version.createdBy ?? null,
          version.throughSeq,
          version.keyframe,
          byteLength,
          chainBytes,
          version.data,
          version.state,
          version.restoredFrom ?? null,
        ]);
        if (version.authors) await client.query(s.insertAuthors, [version.id, version.authors]);
        else await client.query(s.insertEditors, [version.id, documentId, version.throughSeq, head ? head.through_seq : 0]);
        // Whatever names it gives, a version holds every row through its seq: their authors are its.
        const scope = [documentId, version.throughSeq];
        await client.query(s.forgetEdits, scope);
        await client.query(s.laterEdits, scope);
        const rows = (await client.query<VersionRow>(s.get, [documentId, version.id])).rows;
        const authors = (await client.query<VersionAuthorRow>(s.getAuthors, [version.id])).rows;
        return toVersions(rows, authors)[0];
      });
    } catch (error) {
      throw refusal(error, documentId, version);
    }
  }

  async list(documentId: string): Promise<VersionInfo[]> {
    const pool = this.pool();
    const [versions, authors] = await Promise.all([
      pool.query<VersionRow>(this.statements.list, [documentId]),
      pool.query<VersionAuthorRow>(this.statements.listAuthors, [documentId]),
    ]);
    // Two statements, two snapshots: an author row of a version made between them is left out.
    return toVersions(versions.rows, authors.rows);
  }

  async get(documentId: string, versionId: string): Promise<VersionInfo | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<VersionRow>(this.statements.get, [documentId, versionId]);
    if (!rows[0]) return undefined;
    const authors = await pool.query<VersionAuthorRow>(this.statements.getAuthors, [versionId]);
    return toVersions(rows, authors.rows)[0];
  }

  async rename(documentId: string, versionId: string, name: string): Promise<VersionInfo | undefined> {
    const { rowCount } = await this.pool().query(this.statements.rename, [name, documentId, versionId]);
    return rowCount === 0 ? undefined : this.get(documentId, versionId);
  }

  async chain(documentId: string, versionId: string): Promise<VersionChain | undefined> {
    const version = await this.get(documentId, versionId);
    if (!version) return undefined;
    // One statement reads the whole chain, so a fold between the two reads (which rewrites the data
    // of a version after the folded one) still gives a chain that rebuilds, from one snapshot.
    const { rows } = await this.pool().query<{ data: Buffer }>(this.statements.chain, [documentId, version.number]);
    return { version, updates: rows.map(({ data }) => new Uint8Array(data)) };
  }

  async fold(documentId: string, fold: VersionFold): Promise<boolean> {
    const s = this.statements;
    return inTransaction(this.pool(), async (client) => {
      // Every version of the document locked: a concurrent fold waits, then sees this one's result.
      const { rows } = await client.query<{ id: string; number: number; kind: FoldRow['kind']; keyframe: boolean; byte_length: number }>(s.foldRows, [documentId]);
      const plan = planFold(
        documentId,
        rows.map((row) => ({ id: row.id, number: row.number, kind: row.kind, keyframe: row.keyframe, byteLength: row.byte_length })),
        fold,
      );
      if (!plan) return false;
      await client.query(s.moveAuthors, [fold.versionId, plan.successorId]);
      await client.query(s.deleteVersion, [fold.versionId]);
      await client.query(s.rewrite, [plan.successorId, fold.data, fold.keyframe, fold.data.byteLength]);
      await client.query(s.setChainBytes, [[...plan.chainBytes.keys()], [...plan.chainBytes.values()]]);
      return true;
    });
  }

  async clients(documentId: string): Promise<ClientAuthor[]> {
    const { rows } = await this.pool().query<{ client_text: string; user_id: string }>(this.statements.clients, [documentId]);
    return rows.map((row) => ({ clientId: Number(row.client_text), userId: row.user_id }));
  }
}

/** A refusal the contract promises, from the constraint a concurrent change violated; else the error itself. */
function refusal(error: unknown, documentId: string, version: NewVersion): unknown {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code === '23505' && constraint === 'document_versions_number_key') return versionConflict(documentId, version.number, version.number - 1);
  if (code === '23503' && constraint === 'document_versions_document_id_fkey') return noSuchDocument(documentId, 'make a version');
  return error;
}
