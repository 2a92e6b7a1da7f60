import type { Directory } from './directory';
import type { UpdateLog } from './update-log';

/**
 * One database holding both halves of what Quire stores: the {@link UpdateLog} the collaboration
 * hub writes to, and the {@link Directory} the HTTP API reads and changes. Both work on one
 * connection (SQLite) or pool (PostgreSQL), opened once by `open()` and released once by
 * `close()`; until then, and afterwards, both refuse calls (`not-open`, `closed`).
 */
export interface Storage {
  readonly log: UpdateLog;
  readonly directory: Directory;
  /** Connects and migrates the schema; call once before anything else. */
  open(): Promise<void>;
  /** Commits what is in flight, then releases the connection or pool; unusable afterwards. */
  close(): Promise<void>;
}
