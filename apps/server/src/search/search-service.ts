import { MAX_SEARCH_QUERY_LENGTH, SearchQuery, type SearchAnswer, type SearchChangedWithin } from '@quire/api-contract';
import type { SearchIndex } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { toDocumentView } from '../documents/document-view';

const DEFAULT_LIMIT = 20;
/** Past this many results, a query should be narrowed rather than paged further. */
const MAX_OFFSET = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** `changed`: how far back a document's last change may be, as the filter reads it. */
const CHANGED_WITHIN_MS: Record<SearchChangedWithin, number> = { day: DAY_MS, week: 7 * DAY_MS, month: 30 * DAY_MS };

/** A cursor is the offset of the next page, opaque to clients: `o<offset>` in base64url. */
function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^o(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset > MAX_OFFSET) throw new AuthError(400, 'cursor: as nextCursor gave it');
  return offset;
}

/** `GET /api/search`: the index's results for the caller, a page at a time. */
export class SearchService {
  constructor(private readonly index: SearchIndex) {}

  async search(principal: Principal, query: unknown): Promise<SearchAnswer> {
    const { q, limit = DEFAULT_LIMIT, cursor, owner, shared, changed } = parseBody(SearchQuery, query);
    if (q.length > MAX_SEARCH_QUERY_LENGTH) throw new AuthError(400, `q: at most ${MAX_SEARCH_QUERY_LENGTH} characters`);
    const offset = decodeCursor(cursor);
    if (q.trim() === '') return { results: [], nextCursor: null };
    // One more than the page: whether there is a next page, without counting every match.
    // The filters only narrow: the index decides what the caller may read before applying them.
    const hits = await this.index.search(q, {
      userId: principal.user.id,
      limit: limit + 1,
      offset,
      ownerId: owner === 'me' ? principal.user.id : owner,
      sharedOnly: shared === 'true',
      changedSince: changed === undefined ? undefined : new Date(Date.now() - CHANGED_WITHIN_MS[changed]),
    });
    const page = hits.slice(0, limit);
    return {
      results: page.map((hit) => ({
        document: toDocumentView(hit.document),
        snippet: hit.snippet,
        highlights: hit.highlights.map(([start, end]) => [start, end] as [number, number]),
        score: hit.score,
      })),
      nextCursor: hits.length > limit && offset + limit < MAX_OFFSET ? encodeCursor(offset + limit) : null,
    };
  }
}
