import type { Role, ShareRole } from '@quire/api-contract';
import { checkLinkRole, ownerUnchangeable, timeOf } from '../directory-checks';
import type { Directory } from '../directory';
import type { DocumentInfo, ListedDocument, Member, NewShareLink, ShareLink, Ticket } from '../directory-records';
import { toDocumentInfo, toLink, toMember, toListedDocument, toTicket } from '../directory-rows';
import { noSuchDocument } from '../checks';
import { checkNewFile, toStoredFile, type NewStoredFile, type StoredFile } from '../files';
import type { PageRequest } from '../page';
import { checkCount } from '../security-events';
import { refusingConstraints } from './directory-errors';
import { listParams, SqliteOrganizing } from './sqlite-organizing';

/**
 * The {@link Directory} of a {@link SqliteStorage}, on its connection: the foreign keys to
 * `documents` hold even for `':memory:'`. Documents, members, share links, tickets and files'
 * records here; the accounts in {@link SqliteAccounts}.
 */
export class SqliteDirectory extends SqliteOrganizing implements Directory {
  async getDocument(id: string): Promise<DocumentInfo | undefined> {
    const row = this.connection().documents.get.get(id);
    return row && toDocumentInfo(row);
  }

  async createTicket(ticket: Ticket): Promise<void> {
    const connection = this.connection();
    const params = {
      digest: ticket.digest,
      documentId: ticket.documentId,
      userId: ticket.userId,
      name: ticket.name,
      role: ticket.role,
      grantKind: ticket.grantKind,
      grantId: ticket.grantId,
      expiresAt: timeOf(ticket.expiresAt, 'Ticket expiresAt'),
    };
    refusingConstraints('create a ticket', () => connection.createTicket(params));
  }

  async consumeTicket(digest: string, now: Date): Promise<Ticket | undefined> {
    const connection = this.connection();
    const row = connection.consumeTicket(digest, timeOf(now, 'now'));
    return row && toTicket(row);
  }

  async purgeExpiredTickets(now: Date): Promise<number> {
    return this.connection().statements.purgeTickets.run(timeOf(now, 'now')).changes;
  }

  async createOwnedDocument(id: string, ownerId: string, title?: string): Promise<ListedDocument> {
    return this.connection().createOwnedDocument(id, ownerId, title, Date.now());
  }

  async getRole(documentId: string, userId: string): Promise<Role | undefined> {
    return this.connection().statements.getRole.get({ documentId, userId }) as Role | undefined;
  }

  async getMemberDocument(documentId: string, userId: string): Promise<ListedDocument | undefined> {
    const row = this.connection().statements.getMemberDocument.get({ documentId, userId });
    return row && toListedDocument(row);
  }

  async listMemberDocuments(userId: string): Promise<ListedDocument[]> {
    return this.connection().statements.listMemberDocuments.all({ userId }).map(toListedDocument);
  }

  async listOwnedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]> {
    return this.connection().pages.listOwned.all(listParams(userId, page)).map(toListedDocument);
  }

  async listSharedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]> {
    return this.connection().pages.listShared.all(listParams(userId, page)).map(toListedDocument);
  }

  async listMembers(documentId: string): Promise<Member[]> {
    return this.connection().statements.listMembers.all(documentId).map(toMember);
  }

  async setMember(documentId: string, userId: string, role: ShareRole): Promise<void> {
    const connection = this.connection();
    checkLinkRole(role, 'set a member');
    const change = { documentId, userId, role, now: Date.now() };
    refusingConstraints('set a member', () => connection.setMember(change));
  }

  async joinAsMember(documentId: string, userId: string, role: ShareRole): Promise<Role> {
    const connection = this.connection();
    checkLinkRole(role, 'join');
    const change = { documentId, userId, role, now: Date.now() };
    return refusingConstraints('join', () => connection.joinAsMember(change)) as Role;
  }

  async removeMember(documentId: string, userId: string): Promise<boolean> {
    const { statements } = this.connection();
    if (statements.removeMember.run(documentId, userId).changes > 0) return true;
    // The owner's row is the only one the DELETE skips; an owner never stops being one.
    if (statements.getRole.get({ documentId, userId }) === 'owner') throw ownerUnchangeable(documentId, 'remove them');
    return false;
  }

  async deleteDocument(documentId: string): Promise<boolean> {
    // The foreign keys cascade to its log, members, links and tickets, in this one statement.
    return this.connection().documents.delete.run(documentId).changes > 0;
  }

  async renameDocument(documentId: string, title: string): Promise<void> {
    const { documents } = this.connection();
    if (documents.rename.run(title, documentId).changes === 0) throw noSuchDocument(documentId, 'rename it');
  }

  async createLink(link: NewShareLink): Promise<ShareLink> {
    const connection = this.connection();
    checkLinkRole(link.role, 'create a share link');
    const { id, documentId, role, createdBy } = link;
    const params = { id, documentId, role, createdBy, now: Date.now() };
    return toLink(refusingConstraints('create a share link', () => connection.createLink(params)));
  }

  async getLink(id: string): Promise<ShareLink | undefined> {
    const row = this.connection().statements.getLink.get(id);
    return row && toLink(row);
  }

  async listLinks(documentId: string): Promise<ShareLink[]> {
    return this.connection().statements.listLinks.all(documentId).map(toLink);
  }

  async revokeLink(documentId: string, id: string): Promise<boolean> {
    return this.connection().statements.revokeLink.run(Date.now(), documentId, id).changes > 0;
  }

  async addFile(file: NewStoredFile): Promise<StoredFile> {
    const connection = this.connection();
    const { id, documentId, uploaderId, name, contentType, bytes } = checkNewFile(file);
    const params = { id, documentId, uploaderId, name, contentType, bytes, now: Date.now() };
    return toStoredFile(refusingConstraints('add a file', () => connection.addFile(params)));
  }

  async getFile(id: string): Promise<StoredFile | undefined> {
    const row = this.connection().files.get.get(id);
    return row && toStoredFile(row);
  }

  async listUnreferencedFiles(limit: number): Promise<StoredFile[]> {
    return this.connection().files.listUnreferenced.all(checkCount(limit, 'The limit')).map(toStoredFile);
  }

  async forgetUnreferencedFile(id: string): Promise<boolean> {
    return this.connection().files.forgetUnreferenced.run(id).changes > 0;
  }
}
