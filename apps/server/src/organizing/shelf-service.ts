import type { Directory, RecentDocument, StarredDocument } from '@quire/storage';
import type { Logger } from 'pino';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';

/** How many recently opened documents `GET /api/documents/recent` lists. */
export const RECENT_LIMIT = 50;

/** Each person's stars and recently opened documents. */
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

  starred(principal: Principal): Promise<StarredDocument[]> {
    return this.store.listStarredDocuments(principal.user.id);
  }

  recent(principal: Principal): Promise<RecentDocument[]> {
    return this.store.listRecentDocuments(principal.user.id, RECENT_LIMIT);
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
