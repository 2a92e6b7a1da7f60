import { z } from 'zod';
import { DocumentView } from './documents';

/** Longest query `GET /api/search` takes, in characters; a longer one is refused with 400. */
export const MAX_SEARCH_QUERY_LENGTH = 500;
/** Most results one page holds (`limit`); 20 when not given. */
export const MAX_SEARCH_LIMIT = 50;

/** How far back `changed` reaches: the last day, 7 days or 30 days. */
export const SEARCH_CHANGED_WITHIN = ['day', 'week', 'month'] as const;
export const SearchChangedWithin = z.enum(SEARCH_CHANGED_WITHIN, {
  errorMap: () => ({ message: 'changed: day, week or month' }),
});
export type SearchChangedWithin = z.infer<typeof SearchChangedWithin>;

/**
 * `GET /api/search`: `q` in web-search syntax (words, "quoted phrases", -excluded, or), the last
 * word also matching as a prefix while it is typed; `cursor` from the previous page's `nextCursor`.
 * Filters, all optional, only narrow what the caller may read: `owner` (a user id, or `me`),
 * `shared=true` (only documents the caller does not own), `changed` (`day`, `week` or `month`).
 */
export const SearchQuery = z.object({
  q: z
    .string({ required_error: 'q: what to search for' })
    .max(MAX_SEARCH_QUERY_LENGTH, `q: at most ${MAX_SEARCH_QUERY_LENGTH} characters`),
  limit: z.coerce
    .number({ invalid_type_error: `limit: a whole number from 1 to ${MAX_SEARCH_LIMIT}` })
    .int(`limit: a whole number from 1 to ${MAX_SEARCH_LIMIT}`)
    .min(1, `limit: a whole number from 1 to ${MAX_SEARCH_LIMIT}`)
    .max(MAX_SEARCH_LIMIT, `limit: a whole number from 1 to ${MAX_SEARCH_LIMIT}`)
    .optional(),
  cursor: z.string().max(200, 'cursor: as nextCursor gave it').optional(),
  owner: z
    .string({ invalid_type_error: 'owner: a user id, or me' })
    .min(1, 'owner: a user id, or me')
    .max(200, 'owner: a user id, or me')
    .optional(),
  shared: z.enum(['true', 'false'], { errorMap: () => ({ message: 'shared: true or false' }) }).optional(),
  changed: SearchChangedWithin.optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** `[start, end)` of a highlighted stretch of a snippet, in UTF-16 code units (JavaScript string indices). */
export const SnippetRange = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export type SnippetRange = z.infer<typeof SnippetRange>;

/**
 * One document found. `snippet` is plain text around the best match (never markup: render it as
 * text), `highlights` where the matching words are in it. `score` is higher for better matches,
 * comparable within one answer; documents whose title matches come first whatever it says.
 */
export const SearchResult = z.object({
  document: DocumentView,
  snippet: z.string(),
  highlights: z.array(SnippetRange),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** `GET /api/search`: a page of results, best first; `nextCursor` null on the last page. */
export const SearchAnswer = z.object({ results: z.array(SearchResult), nextCursor: z.string().nullable() });
export type SearchAnswer = z.infer<typeof SearchAnswer>;
