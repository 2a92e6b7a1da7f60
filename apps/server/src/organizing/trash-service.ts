import type { AccessChange } from '@quire/bus';
import type { Directory, MemberDocument, TrashedDocument } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import type { Principal } from '../auth/principal';
import { readPage, type ListPage } from './list-page';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many expired documents one purge step deletes before it asks for more. */
const PURGE_BATCH = 100;

/** A trashed document with when the purge deletes it. */
export type TrashEntry = TrashedDocument & { readonly purgeAt: Date };

const notInTrash = () => new AuthError(404, 'This document is not in your trash: it was restored, deleted for good, or is not yours');

/**
 * The owner's trash: what `DELETE /api/documents/:id` moved there (DocumentsService.delete), taken
 * out again whole, or deleted for good, by the owner or by the purge after `TRASH_RETENTION_DAYS`.
 */
export class TrashService {
  constructor(
    private readonly store: Directory,
    /** Pushes a committed access change (AccessEvents): a deletion for good also sweeps the files. */
    private readonly accessChanged: (change: AccessChange) => Promise<void>,
    private readonly retentionDays: number,
  ) {}

  /** A page of the caller's trash (`query` its `limit` and `cursor`). */
  async list(principal: Principal, query: unknown): Promise<ListPage<TrashEntry>> {
    const { entries, nextCursor } = await readPage(query, (page) => this.store.listTrash(principal.user.id, page), (document) => document.deletedAt);
    return { entries: entries.map((document) => ({ ...document, purgeAt: this.purgeAt(document.deletedAt) })), nextCursor };
  }

  /** 404 unless the caller owns the document and it is in the trash (an id reused since is someone else's). */
  async restore(principal: Principal, id: string): Promise<MemberDocument> {
    const restored = await this.store.restoreDocument(id, principal.user.id);
    if (!restored) throw notInTrash();
    return restored;
  }

  async deleteForever(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.getTrashedDocument(id, principal.user.id))) throw notInTrash();
    await this.deleteDocument(id);
  }

  /** Deletes for good what has been in the trash longer than the retention; resolves how many. */
  async purge(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.retentionDays * DAY_MS);
    let deleted = 0;
    for (;;) {
      const ids = await this.store.listExpiredTrash(before, PURGE_BATCH);
      for (const id of ids) {
        await this.deleteDocument(id);
        deleted += 1;
      }
      if (ids.length < PURGE_BATCH) return deleted;
    }
  }

  purgeAt(deletedAt: Date): Date {
    return new Date(deletedAt.getTime() + this.retentionDays * DAY_MS);
  }

  private async deleteDocument(id: string): Promise<void> {
    if (!(await this.store.deleteDocument(id))) return;
    // Its sockets closed when it was trashed; this removes its files' bytes (FilesModule) and
    // makes sure no instance holds it in memory, so an id created again starts from nothing.
    await this.accessChanged({ documentId: id, documentDeleted: true });
  }
}
