import type { Role, ShareRole } from '@quire/api-contract';
import { checkLinkRole, dateOf, noSuchUser, ownerUnchangeable } from '../directory-checks';
import type { Directory } from '../directory';
import type { DocumentInfo, ListedDocument, Member, NewShareLink, ShareLink, Ticket } from '../directory-records';
import {
  toDocumentInfo,
  toLink,
  toMember,
  toListedDocument,
  toTicket,
  type DocumentRow,
  type LinkRow,
  type ListedDocumentRow,
  type MemberRow,
  type TicketRow,
  type UserRow,
} from '../directory-rows';
import { documentExists, noSuchDocument } from '../checks';
import { checkNewFile, toStoredFile, type FileRow, type NewStoredFile, type StoredFile } from '../files';
import type { PageRequest } from '../page';
import { checkCount } from '../security-events';
import { pageValues } from './page-statements';
import { refusingConstraints } from './directory-errors';
import { inTransaction } from './pool';
import { PostgresOrganizing } from './postgres-organizing';

/**
 * The {@link Directory} of a {@link PostgresStorage}, on its pool: documents, members, share links,
 * tickets and files' records here, the accounts in {@link PostgresAccounts}. A missing document is found by the
 * foreign keys in the statement that writes (see `directory-errors.ts`).
 */
export class PostgresDirectory extends PostgresOrganizing implements Directory {
  async getDocument(id: string): Promise<DocumentInfo | undefined> {
    const { rows } = await this.pool().query<DocumentRow>(this.statements.getDocument, [id]);
    return rows[0] && toDocumentInfo(rows[0]);
  }

  async createTicket(ticket: Ticket): Promise<void> {
    const pool = this.pool();
    const values = [
      ticket.digest,
      ticket.documentId,
      ticket.userId,
      ticket.name,
      ticket.role,
      ticket.grantKind,
      ticket.grantId,
      dateOf(ticket.expiresAt, 'Ticket expiresAt'),
    ];
    await refusingConstraints('create a ticket', ticket.documentId, () =>
      pool.query(this.statements.insertTicket, values),
    );
  }

  async consumeTicket(digest: string, now: Date): Promise<Ticket | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<TicketRow>(this.statements.consumeTicket, [digest, dateOf(now, 'now')]);
    return rows[0] && toTicket(rows[0]);
  }

  async purgeExpiredTickets(now: Date): Promise<number> {
    const { rowCount } = await this.pool().query(this.statements.purgeTickets, [dateOf(now, 'now')]);
    return rowCount ?? 0;
  }

  async createOwnedDocument(id: string, ownerId: string, title?: string): Promise<ListedDocument> {
    const pool = this.pool();
    return inTransaction(pool, async (client) => {
      const { rows: owners } = await client.query<UserRow>(this.statements.getUser, [ownerId]);
      if (owners.length === 0) throw noSuchUser('create a document');
      const explicit = title !== undefined;
      const { rows } = await client.query<DocumentRow>(this.statements.insertDocument, [id, title ?? '', explicit]);
      if (rows.length === 0) throw documentExists(id);
      await client.query(this.statements.insertOwner, [id, ownerId]);
      // A new document: nobody has starred it yet.
      return toListedDocument({ ...rows[0], role: 'owner', owner_id: ownerId, owner_name: owners[0].name, starred: false });
    });
  }

  async getRole(documentId: string, userId: string): Promise<Role | undefined> {
    const { rows } = await this.pool().query<{ role: Role }>(this.statements.getRole, [documentId, userId]);
    return rows[0]?.role;
  }

  async getMemberDocument(documentId: string, userId: string): Promise<ListedDocument | undefined> {
    const pool = this.pool();
    const { rows } = await pool.query<ListedDocumentRow>(this.statements.getMemberDocument, [userId, documentId]);
    return rows[0] && toListedDocument(rows[0]);
  }

  async listMemberDocuments(userId: string): Promise<ListedDocument[]> {
    const { rows } = await this.pool().query<ListedDocumentRow>(this.statements.listMemberDocuments, [userId]);
    return rows.map(toListedDocument);
  }

  async listOwnedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]> {
    const { rows } = await this.pool().query<ListedDocumentRow>(this.pages.listOwned, pageValues(userId, page));
    return rows.map(toListedDocument);
  }

  async listSharedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]> {
    const { rows } = await this.pool().query<ListedDocumentRow>(this.pages.listShared, pageValues(userId, page));
    return rows.map(toListedDocument);
  }

  async listMembers(documentId: string): Promise<Member[]> {
    const { rows } = await this.pool().query<MemberRow>(this.statements.listMembers, [documentId]);
    return rows.map(toMember);
  }

  async setMember(documentId: string, userId: string, role: ShareRole): Promise<void> {
    const pool = this.pool();
    checkLinkRole(role, 'set a member');
    const { rows } = await refusingConstraints('set a member', documentId, () =>
      pool.query(this.statements.setMember, [documentId, userId, role]),
    );
    // No row: the upsert's WHERE kept the owner's row as it was.
    if (rows.length === 0) throw ownerUnchangeable(documentId, `make them ${role}`);
  }

  async joinAsMember(documentId: string, userId: string, role: ShareRole): Promise<Role> {
    const pool = this.pool();
    checkLinkRole(role, 'join');
    const { rows } = await refusingConstraints('join', documentId, () =>
      pool.query<{ role: Role }>(this.statements.joinAsMember, [documentId, userId, role]),
    );
    return rows[0].role;
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    const pool = this.pool();
    const { rowCount } = await pool.query(this.statements.removeMember, [documentId, userId]);
    if ((rowCount ?? 0) > 0) return true;
    // The owner's row is the only one the DELETE skips; an owner never stops being one.
    if ((await this.getRole(documentId, userId)) === 'owner') throw ownerUnchangeable(documentId, 'remove them');
    return false;
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    // The foreign keys cascade to its log, members, links and tickets, in this one statement.
    const { rowCount } = await this.pool().query(this.statements.deleteDocument, [documentId]);
    return (rowCount ?? 0) > 0;
  }

  async renameDocument(documentId: string, title: string): Promise<void> {
    const { rowCount } = await this.pool().query(this.statements.renameDocument, [title, documentId]);
    if (rowCount === 0) throw noSuchDocument(documentId, 'rename it');
  }

  async createLink(link: NewShareLink): Promise<ShareLink> {
    const pool = this.pool();
    checkLinkRole(link.role, 'create a share link');
    const values = [link.id, link.documentId, link.role, link.createdBy];
    const { rows } = await refusingConstraints('create a share link', link.documentId, () =>
      pool.query<LinkRow>(this.statements.insertLink, values),
    );
    return toLink(rows[0]);
  }

  async getLink(id: string): Promise<ShareLink | undefined> {
    const { rows } = await this.pool().query<LinkRow>(this.statements.getLink, [id]);
    return rows[0] && toLink(rows[0]);
  }

  async listLinks(documentId: string): Promise<ShareLink[]> {
    const { rows } = await this.pool().query<LinkRow>(this.statements.listLinks, [documentId]);
    return rows.map(toLink);
  }

  async revokeLink(documentId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(this.statements.revokeLink, [documentId, id]);
    return (rowCount ?? 0) > 0;
  }

  async addFile(file: NewStoredFile): Promise<StoredFile> {
    const pool = this.pool();
    const { id, documentId, uploaderId, name, contentType, bytes } = checkNewFile(file);
    const { rows } = await refusingConstraints('add a file', documentId, () =>
      pool.query<FileRow>(this.statements.insertFile, [id, documentId, uploaderId, name, contentType, bytes]),
    );
    return toStoredFile(rows[0]);
  }

  async getFile(id: string): Promise<StoredFile | undefined> {
    const { rows } = await this.pool().query<FileRow>(this.statements.getFile, [id]);
    return rows[0] && toStoredFile(rows[0]);
  }

  async listUnreferencedFiles(limit: number): Promise<StoredFile[]> {
    const pool = this.pool();
    const { rows } = await pool.query<FileRow>(this.statements.listUnreferencedFiles, [checkCount(limit, 'The limit')]);
    return rows.map(toStoredFile);
  }

  async forgetUnreferencedFile(id: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(this.statements.forgetUnreferencedFile, [id]);
    return (rowCount ?? 0) > 0;
  }
}
