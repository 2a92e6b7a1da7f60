import { z } from 'zod';
import { ListedDocumentView } from './documents';

/** Most entries one page of a document list holds (`limit`). */
export const MAX_LIST_LIMIT = 100;
/** Entries a page holds when `limit` is not given. */
export const DEFAULT_LIST_LIMIT = 50;

const limitMessage = `limit: a whole number from 1 to ${MAX_LIST_LIMIT}`;

/**
 * The query of every paged document list (own, shared, recent, starred, trash): `limit` entries,
 * after `cursor`, the previous page's `nextCursor` (the first page without one).
 */
export const ListPageQuery = z.object({
  limit: z.coerce.number({ invalid_type_error: limitMessage }).int(limitMessage).min(1, limitMessage).max(MAX_LIST_LIMIT, limitMessage).optional(),
  cursor: z.string().max(200, 'cursor: as nextCursor gave it').optional(),
});
export type ListPageQuery = z.infer<typeof ListPageQuery>;

/** Where the next page starts; null on the last page. Opaque: pass it back as `cursor`. */
export const NextCursor = z.string().nullable();

/** `GET /api/documents/owned` and `/shared`: a page of documents, most recently changed first. */
export const DocumentPage = z.object({ documents: z.array(ListedDocumentView), nextCursor: NextCursor });
export type DocumentPage = z.infer<typeof DocumentPage>;
