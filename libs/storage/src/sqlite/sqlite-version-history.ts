import { checkNewVersion } from '../version-checks';
import type { ClientAuthor, NewVersion, VersionChain, VersionFold, VersionHead, VersionHistory, VersionInfo } from '../version-history';
import { toHead, toVersion, toVersions } from '../version-rows';
import type { VersionConnection } from './version-connection';

/**
 * The {@link VersionHistory} of a {@link SqliteStorage}, on its connection. Like the directory, each
 * call first commits the appends queued before it, so a version sees every update appended earlier.
 */
export class SqliteVersionHistory implements VersionHistory {
  /** `connection` refuses calls while the storage is not open, and flushes queued appends. */
  constructor(private readonly connection: () => VersionConnection) {}

  async head(documentId: string): Promise<VersionHead | undefined> {
    const row = this.connection().statements.head.get(documentId);
    return row && toHead(row);
  }

  async create(documentId: string, version: NewVersion): Promise<VersionInfo> {
    const connection = this.connection();
    checkNewVersion(documentId, version);
    const { row } = connection.create(documentId, version, Date.now());
    return toVersion(row, connection.statements.getAuthors.all(row.id).map((author) => ({ id: author.user_id, name: author.name })));
  }

  async list(documentId: string): Promise<VersionInfo[]> {
    const { statements } = this.connection();
    return toVersions(statements.list.all(documentId), statements.listAuthors.all(documentId));
  }

  async get(documentId: string, versionId: string): Promise<VersionInfo | undefined> {
    const { statements } = this.connection();
    const row = statements.get.get(documentId, versionId);
    return row && toVersions([row], statements.getAuthors.all(row.id))[0];
  }

  async rename(documentId: string, versionId: string, name: string): Promise<VersionInfo | undefined> {
    const { statements } = this.connection();
    if (statements.rename.run(name, documentId, versionId).changes === 0) return undefined;
    return this.get(documentId, versionId);
  }

  async chain(documentId: string, versionId: string): Promise<VersionChain | undefined> {
    const { statements } = this.connection();
    const version = await this.get(documentId, versionId);
    if (!version) return undefined;
    const data = statements.chain.all({ documentId, number: version.number });
    return { version, updates: data.map((bytes) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  }

  async fold(documentId: string, fold: VersionFold): Promise<boolean> {
    return this.connection().fold(documentId, fold);
  }

  async clients(documentId: string): Promise<ClientAuthor[]> {
    return this.connection()
      .statements.clients.all(documentId)
      .map((row) => ({ clientId: Number(row.client_id), userId: row.user_id }));
  }
}
