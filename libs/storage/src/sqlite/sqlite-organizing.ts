import { timeOf } from '../directory-checks';
import type { MemberDocument } from '../directory-records';
import { toMemberDocument } from '../directory-rows';
import type { DocumentOrganizing, RecentDocument, StarredDocument, TrashedDocument } from '../organizing';
import { checkCount } from '../security-events';
import { SqliteAccounts } from './sqlite-accounts';

/**
 * The trash, stars and recently opened documents of a {@link SqliteDirectory}
 * (`DocumentOrganizing`); `SqliteDirectory` adds documents, members, links, tickets and files.
 */
export class SqliteOrganizing extends SqliteAccounts implements DocumentOrganizing {
  async trashDocument(documentId: string, now: Date): Promise<boolean> {
    return this.connection().trashDocument(documentId, timeOf(now, 'now'));
  }

  async restoreDocument(documentId: string, ownerId: string): Promise<MemberDocument | undefined> {
    const { organizing, statements } = this.connection();
    if (organizing.restore.run(documentId, ownerId).changes === 0) return undefined;
    const row = statements.getMemberDocument.get({ documentId, userId: ownerId });
    return row && toMemberDocument(row);
  }

  async getTrashedDocument(documentId: string, ownerId: string): Promise<TrashedDocument | undefined> {
    const row = this.connection().organizing.getTrashed.get({ id: documentId, userId: ownerId });
    return row && { ...toMemberDocument(row), deletedAt: new Date(row.at) };
  }

  async listTrash(ownerId: string): Promise<TrashedDocument[]> {
    const rows = this.connection().organizing.listTrash.all({ userId: ownerId });
    return rows.map((row) => ({ ...toMemberDocument(row), deletedAt: new Date(row.at) }));
  }

  async listExpiredTrash(before: Date, limit: number): Promise<string[]> {
    return this.connection().organizing.listExpired.all(timeOf(before, 'before'), checkCount(limit, 'The limit'));
  }

  async starDocument(documentId: string, userId: string, now: Date): Promise<boolean> {
    const { organizing } = this.connection();
    organizing.star.run({ id: documentId, userId, now: timeOf(now, 'now') });
    return organizing.isStarred.get({ id: documentId, userId }) === 1;
  }

  async unstarDocument(documentId: string, userId: string): Promise<boolean> {
    return this.connection().organizing.unstar.run(documentId, userId).changes > 0;
  }

  async listStarredDocuments(userId: string): Promise<StarredDocument[]> {
    const rows = this.connection().organizing.listStarred.all({ userId });
    return rows.map((row) => ({ ...toMemberDocument(row), starredAt: new Date(row.at) }));
  }

  async recordOpen(documentId: string, userId: string, now: Date): Promise<void> {
    this.connection().organizing.recordOpen.run({ id: documentId, userId, now: timeOf(now, 'now') });
  }

  async listRecentDocuments(userId: string, limit: number): Promise<RecentDocument[]> {
    const rows = this.connection().organizing.listRecent.all({ userId, limit: checkCount(limit, 'The limit') });
    return rows.map((row) => ({ ...toMemberDocument(row), openedAt: new Date(row.at) }));
  }
}
