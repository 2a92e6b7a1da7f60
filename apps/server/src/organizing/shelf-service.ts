import type { Directory, ListedDocument, RecentDocument, StarredDocument } from '@quire/storage';
import type { Logger } from 'pino';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import { readPage, type ListPage } from './list-page';

/** Each person's lists of documents, a page at a time (`query` its `limit` and `cursor`): their own, shared, starred and recently opened. */
export class ShelfService {
  constructor(
    private readonly store: Directory,
    private readonly logger: Logger,
  ) {}

  /** 404 when the caller may not read the document (whether it exists is not revealed). */
  async star(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.starDocument(id, principal.user.id, new Date()))) {
      throw new AuthError(404, 'No such document');
    }
  }

  async unstar(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.unstarDocument(id, principal.user.id))) throw new AuthError(404, 'You had not starred this document');
  }

  owned(principal: Principal, query: unknown): Promise<ListPage<ListedDocument>> {
    return readPage(query, (page) => this.store.listOwnedDocuments(principal.user.id, page), (document) => document.updatedAt);
  }

  shared(principal: Principal, query: unknown): Promise<ListPage<ListedDocument>> {
    return readPage(query, (page) => this.store.listSharedDocuments(principal.user.id, page), (document) => document.updatedAt);
  }

  starred(principal: Principal, query: unknown): Promise<ListPage<StarredDocument>> {
    return readPage(query, (page) => this.store.listStarredDocuments(principal.user.id, page), (document) => document.starredAt);
  }

  recent(principal: Principal, query: unknown): Promise<ListPage<RecentDocument>> {
    return readPage(query, (page) => this.store.listRecentDocuments(principal.user.id, page), (document) => document.openedAt);
  }

  /**
   * Records that someone opened a document (they were given a socket ticket for it). A failure is
   * logged and never refuses the ticket: the recent list is a convenience.
   */
  async opened(userId: string, documentId: string): Promise<void> {
    try {
      await this.store.recordOpen(documentId, userId, new Date());
    } catch (error) {
      this.logger.warn({ err: error, documentId }, 'Recording a recently opened document failed');
    }
  }
}
