import type { Pool } from 'pg';
import { dateOf } from '../directory-checks';
import type { MemberDocument } from '../directory-records';
import { toListedDocument, toMemberDocument, type ListedDocumentRow, type MemberDocumentRow } from '../directory-rows';
import type { DocumentOrganizing, RecentDocument, StarredDocument, TrashedDocument } from '../organizing';
import type { PageRequest } from '../page';
import { checkCount } from '../security-events';
import { pageStatementsFor, pageValues, type PageStatements } from './page-statements';
import type { DirectoryStatements } from './directory-statements';
import { organizingStatementsFor, type OrganizingStatements } from './organizing-statements';
import { PostgresAccounts } from './postgres-accounts';

type TimedRow = MemberDocumentRow & { at: Date };
type TimedListedRow = ListedDocumentRow & { at: Date };

/**
 * The trash, stars and recently opened documents of a {@link PostgresDirectory}
 * (`DocumentOrganizing`); `PostgresDirectory` adds documents, members, links, tickets and files.
 */
export class PostgresOrganizing extends PostgresAccounts implements DocumentOrganizing {
  private readonly organizing: OrganizingStatements;
  /** The home page's lists, which PostgresDirectory reads. */
  protected readonly pages: PageStatements;

  constructor(statements: DirectoryStatements, pool: () => Pool, schema: string) {
    super(statements, pool);
    this.organizing = organizingStatementsFor(schema);
    this.pages = pageStatementsFor(schema);
  }

  async trashDocument(documentId: string, now: Date): Promise<boolean> {
    const { rows } = await this.pool().query<{ count: number }>(this.organizing.trash, [documentId, dateOf(now, 'now')]);
    return rows[0].count > 0;
  }

  async restoreDocument(documentId: string, ownerId: string): Promise<MemberDocument | undefined> {
    const pool = this.pool();
    const { rowCount } = await pool.query(this.organizing.restore, [documentId, ownerId]);
    if ((rowCount ?? 0) === 0) return undefined;
    const { rows } = await pool.query<MemberDocumentRow>(this.statements.getMemberDocument, [ownerId, documentId]);
    return rows[0] && toMemberDocument(rows[0]);
  }

  async getTrashedDocument(documentId: string, ownerId: string): Promise<TrashedDocument | undefined> {
    const { rows } = await this.pool().query<TimedRow>(this.organizing.getTrashed, [documentId, ownerId]);
    return rows[0] && { ...toMemberDocument(rows[0]), deletedAt: new Date(rows[0].at) };
  }

  async listTrash(ownerId: string, page?: PageRequest): Promise<TrashedDocument[]> {
    const { rows } = await this.pool().query<TimedRow>(this.organizing.listTrash, pageValues(ownerId, page));
    return rows.map((row) => ({ ...toMemberDocument(row), deletedAt: new Date(row.at) }));
  }

  async listExpiredTrash(before: Date, limit: number): Promise<string[]> {
    const values = [dateOf(before, 'before'), checkCount(limit, 'The limit')];
    const { rows } = await this.pool().query<{ id: string }>(this.organizing.listExpired, values);
    return rows.map((row) => row.id);
  }

  async starDocument(documentId: string, userId: string, now: Date): Promise<boolean> {
    const pool = this.pool();
    await pool.query(this.organizing.star, [documentId, userId, dateOf(now, 'now')]);
    const { rowCount } = await pool.query(this.organizing.isStarred, [documentId, userId]);
    return (rowCount ?? 0) > 0;
  }

  async unstarDocument(documentId: string, userId: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(this.organizing.unstar, [documentId, userId]);
    return (rowCount ?? 0) > 0;
  }

  async listStarredDocuments(userId: string, page?: PageRequest): Promise<StarredDocument[]> {
    const { rows } = await this.pool().query<TimedListedRow>(this.organizing.listStarred, pageValues(userId, page));
    return rows.map((row) => ({ ...toListedDocument(row), starredAt: new Date(row.at) }));
  }

  async recordOpen(documentId: string, userId: string, now: Date): Promise<void> {
    await this.pool().query(this.organizing.recordOpen, [documentId, userId, dateOf(now, 'now')]);
  }

  async listRecentDocuments(userId: string, page: PageRequest): Promise<RecentDocument[]> {
    const { rows } = await this.pool().query<TimedListedRow>(this.organizing.listRecent, pageValues(userId, page));
    return rows.map((row) => ({ ...toListedDocument(row), openedAt: new Date(row.at) }));
  }
}
