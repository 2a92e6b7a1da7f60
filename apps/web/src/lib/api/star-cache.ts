/**
 * A cached answer with every row of document `id` marked `starred`: the rows of a list (`documents`),
 * of a list read a page at a time (`pages[].documents`), or the document itself. What a star toggle
 * changes at once, before the server confirms it. Anything else comes back as it was, and so does
 * every object with no row to change (React keeps what did not change).
 */
export function withStarred<T>(data: T, id: string, starred: boolean): T {
  return mark(data, id, starred) as T;
}

function mark(value: unknown, id: string, starred: boolean): unknown {
  if (Array.isArray(value)) {
    const next = value.map((item) => mark(item, id, starred));
    return next.some((item, index) => item !== value[index]) ? next : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record.id === id && typeof record.starred === 'boolean') return record.starred === starred ? value : { ...record, starred };
  // Only into what holds rows: a folder or a page cursor is never a document.
  for (const key of ['pages', 'documents']) {
    if (!(key in record)) continue;
    const inner = mark(record[key], id, starred);
    if (inner !== record[key]) return { ...record, [key]: inner };
  }
  return value;
}
