import type { ListedDocument, MemberDocument } from './directory-records';
import type { PageRequest } from './page';

/** A document in its owner's trash: what it was, and when it was trashed. */
export interface TrashedDocument extends MemberDocument {
  readonly deletedAt: Date;
}

/** A document the user opened, with when they last did. */
export interface RecentDocument extends ListedDocument {
  readonly openedAt: Date;
}

/** A document the user starred, with when. */
export interface StarredDocument extends ListedDocument {
  readonly starredAt: Date;
}

/**
 * How people find their way among documents: the trash (libs/storage README, "Trash"), stars and
 * recently opened documents. Part of the {@link Directory}.
 *
 * A trashed document keeps its row, and with it its log, versions, members, links and files; but
 * until it is restored the directory treats it as gone: `getDocument`, `getRole`,
 * `getMemberDocument`, `listMemberDocuments`, `getLink` and `consumeTicket` do not see it, and
 * the log refuses appends to it (`no-such-document`).
 */
export interface DocumentOrganizing {
  /** Moves a document to the trash at `now`; false if there is no such document or it is trashed already. */
  trashDocument(documentId: string, now: Date): Promise<boolean>;
  /**
   * Takes a document of `ownerId` out of the trash, with everything it had; undefined (and nothing
   * changed) when `ownerId` does not own it or it is not in the trash.
   */
  restoreDocument(documentId: string, ownerId: string): Promise<MemberDocument | undefined>;
  /** The trashed document if `ownerId` owns it; else undefined. */
  getTrashedDocument(documentId: string, ownerId: string): Promise<TrashedDocument | undefined>;
  /** The documents `ownerId` owns that are in the trash, most recently trashed first (then by id); all of them, or a page (keyed on `deletedAt`). */
  listTrash(ownerId: string, page?: PageRequest): Promise<TrashedDocument[]>;
  /** Up to `limit` ids of documents trashed before `before`, the oldest first: for the purge. */
  listExpiredTrash(before: Date, limit: number): Promise<string[]>;

  /** Stars a document for a user who may read it; false (nothing stored) when they may not. Starring twice keeps the first time. */
  starDocument(documentId: string, userId: string, now: Date): Promise<boolean>;
  /** False when it was not starred. */
  unstarDocument(documentId: string, userId: string): Promise<boolean>;
  /** The user's starred documents they may still read, most recently starred first (then by id); all, or a page (keyed on `starredAt`). */
  listStarredDocuments(userId: string, page?: PageRequest): Promise<StarredDocument[]>;
  /** Records that a user opened a document (keeps only the latest time); nothing when they may not read it. */
  recordOpen(documentId: string, userId: string, now: Date): Promise<void>;
  /** A page of the documents the user opened and may still read, the most recently opened first (then by id; keyed on `openedAt`). */
  listRecentDocuments(userId: string, page: PageRequest): Promise<RecentDocument[]>;
}
