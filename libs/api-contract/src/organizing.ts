import { z } from 'zod';
import { DocumentView, ListedDocumentView } from './documents';
import { Timestamp } from './fields';
import { NextCursor } from './pages';

/** A document in its owner's trash: when it was trashed, and when it goes for good (`TRASH_RETENTION_DAYS`). */
export const TrashedDocumentView = DocumentView.extend({ deletedAt: Timestamp, purgeAt: Timestamp });
export type TrashedDocumentView = z.infer<typeof TrashedDocumentView>;

/** `GET /api/trash`: a page of the caller's trashed documents, most recently trashed first. */
export const TrashList = z.object({ documents: z.array(TrashedDocumentView), nextCursor: NextCursor });
export type TrashList = z.infer<typeof TrashList>;

/** A document the caller starred, and when. */
export const StarredDocumentView = ListedDocumentView.extend({ starredAt: Timestamp });
export type StarredDocumentView = z.infer<typeof StarredDocumentView>;

/** `GET /api/documents/starred`: a page, most recently starred first. */
export const StarredList = z.object({ documents: z.array(StarredDocumentView), nextCursor: NextCursor });
export type StarredList = z.infer<typeof StarredList>;

/** A document the caller opened, and when they last did. */
export const RecentDocumentView = ListedDocumentView.extend({ openedAt: Timestamp });
export type RecentDocumentView = z.infer<typeof RecentDocumentView>;

/** `GET /api/documents/recent`: a page, most recently opened first. */
export const RecentList = z.object({ documents: z.array(RecentDocumentView), nextCursor: NextCursor });
export type RecentList = z.infer<typeof RecentList>;
