import type { VersionAuthor, VersionHead, VersionInfo, VersionKind } from './version-history';

// Rows as both SQL adapters select them (same column names), and what the version history returns
// for them. Times are milliseconds in SQLite and Dates from pg, flags 0/1 or booleans, and pg gives
// bigints as text: `new Date(...)`, `Boolean(...)` and `Number(...)` accept either.

type Time = number | Date;

export interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  kind: VersionKind;
  name: string | null;
  created_at: Time;
  created_by: string | null;
  through_seq: number | string;
  keyframe: number | boolean;
  byte_length: number;
  restored_from: string | null;
}

export interface VersionAuthorRow {
  version_id: string;
  user_id: string;
  name: string | null;
}

export interface VersionHeadRow {
  id: string;
  number: number;
  created_at: Time;
  through_seq: number | string;
  chain_bytes: number | string;
  head_state: Uint8Array | null;
}

/** The columns of a {@link VersionRow}, for SELECTs (`v` is the versions table). */
export const VERSION_COLUMNS =
  'v.id, v.document_id, v.number, v.kind, v.name, v.created_at, v.created_by, v.through_seq, v.keyframe, v.byte_length, v.restored_from';

/** Versions with their authors, in the rows' order; authors in the order of their names. */
export function toVersions(rows: readonly VersionRow[], authorRows: readonly VersionAuthorRow[]): VersionInfo[] {
  const authors = new Map<string, VersionAuthor[]>();
  for (const row of authorRows) {
    const list = authors.get(row.version_id) ?? [];
    list.push({ id: row.user_id, name: row.name });
    authors.set(row.version_id, list);
  }
  return rows.map((row) => toVersion(row, authors.get(row.id) ?? []));
}

export function toVersion(row: VersionRow, authors: readonly VersionAuthor[]): VersionInfo {
  return {
    id: row.id,
    documentId: row.document_id,
    number: Number(row.number),
    kind: row.kind,
    name: row.name,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    throughSeq: Number(row.through_seq),
    keyframe: Boolean(row.keyframe),
    byteLength: Number(row.byte_length),
    authors: [...authors].sort(byName),
    restoredFrom: row.restored_from ?? null,
  };
}

export function toHead(row: VersionHeadRow): VersionHead {
  if (row.head_state === null) throw new Error(`Version ${row.id} is the newest but has no head state: the history was written by a broken build`);
  return {
    id: row.id,
    number: Number(row.number),
    createdAt: new Date(row.created_at),
    throughSeq: Number(row.through_seq),
    state: new Uint8Array(row.head_state),
    chainBytes: Number(row.chain_bytes),
  };
}

// Named people first, by name, then ids: a stable order for lists and tests.
function byName(a: VersionAuthor, b: VersionAuthor): number {
  if (a.name !== b.name) {
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    return a.name < b.name ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
