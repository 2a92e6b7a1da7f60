import { DEFAULT_LIST_LIMIT, ListPageQuery } from '@quire/api-contract';
import type { PageKey, PageRequest } from '@quire/storage';
import { AuthError } from '../auth/auth-error';
import { parseBody } from '../auth/parse-body';

/** One page of a list, and where the next one starts (null on the last). */
export interface ListPage<T> {
  readonly entries: T[];
  readonly nextCursor: string | null;
}

/** Larger than any document id (1–128 characters): a cursor never has to hold more. */
const CURSOR_PATTERN = /^(\d{1,16})\.(.{1,128})$/s;

/** A cursor is the last entry's sort time and id (the storage's page key), `<ms>.<id>` in base64url, opaque to clients. */
function encodeCursor(key: PageKey): string {
  return Buffer.from(`${key.at.getTime()}.${key.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): PageKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AuthError(400, 'cursor: as nextCursor gave it');
  return { at: new Date(Number(match[1])), id: match[2] };
}

/**
 * Reads the page a list request's `limit` and `cursor` ask for (400 for either malformed), one
 * entry more than the page: whether there is a next page, without counting the whole list.
 * `at` gives an entry's sort time, the one `read` orders by.
 */
export async function readPage<T extends { id: string }>(query: unknown, read: (page: PageRequest) => Promise<T[]>, at: (entry: T) => Date): Promise<ListPage<T>> {
  const { limit = DEFAULT_LIST_LIMIT, cursor } = parseBody(ListPageQuery, query);
  const after = decodeCursor(cursor);
  const entries = await read({ limit: limit + 1, ...(after ? { after } : {}) });
  const page = entries.slice(0, limit);
  const last = page[page.length - 1];
  return { entries: page, nextCursor: entries.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
