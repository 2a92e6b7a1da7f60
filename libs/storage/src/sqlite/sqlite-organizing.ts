import { timeOf } from '../directory-checks';
import type { MemberDocument } from '../directory-records';
import { toListedDocument, toMemberDocument } from '../directory-rows';
import type { DocumentOrganizing, RecentDocument, StarredDocument, TrashedDocument } from '../organizing';
import { pageParams, type PageRequest } from '../page';
import { checkCount } from '../security-events';
import type { ListPageParams } from './page-statements';
import { SqliteAccounts } from './sqlite-accounts';

/** The parameters of a page of `userId`'s list, or of the whole list (SQLite's LIMIT -1) when no page is asked for. */
export function listParams(userId: string, page: PageRequest | undefined): ListPageParams {
  return { userId, ...(page ? pageParams(page) : { limit: -1, at: null, id: null }) };
}

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

  async listTrash(ownerId: string, page?: PageRequest): Promise<TrashedDocument[]> {
    const rows = this.connection().organizing.listTrash.all(listParams(ownerId, page));
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

  async listStarredDocuments(userId: string, page?: PageRequest): Promise<StarredDocument[]> {
    const rows = this.connection().organizing.listStarred.all(listParams(userId, page));
    return rows.map((row) => ({ ...toListedDocument(row), starredAt: new Date(row.at) }));
  }

  async recordOpen(documentId: string, userId: string, now: Date): Promise<void> {
    this.connection().organizing.recordOpen.run({ id: documentId, userId, now: timeOf(now, 'now') });
  }

  async listRecentDocuments(userId: string, page: PageRequest): Promise<RecentDocument[]> {
    const rows = this.connection().organizing.listRecent.all(listParams(userId, page));
    return rows.map((row) => ({ ...toListedDocument(row), openedAt: new Date(row.at) }));
  }
}
