import type { CommentStore } from './comment-store';
import type { Directory } from './directory';
import type { FolderStore } from './folder-store';
import type { PeopleStore } from './people-store';
import type { SearchIndex } from './search-index';
import type { UpdateLog } from './update-log';
import type { VersionHistory } from './version-history';
import type { WebhookStore } from './webhook-store';

/**
 * One database holding what Quire stores: the {@link UpdateLog} the collaboration hub writes to,
 * the {@link Directory} the HTTP API reads and changes, and the {@link VersionHistory} both use.
 * All work on one connection (SQLite) or pool (PostgreSQL), opened once by `open()` and released
 * once by `close()`; until then, and afterwards, all refuse calls (`not-open`, `closed`).
 */
export interface Storage {
  readonly log: UpdateLog;
  readonly directory: Directory;
  /** Each document's versions, beside its log (libs/storage README, "Versions"). */
  readonly versions: VersionHistory;
  /** Comment threads, their comments and the activity they make (libs/storage README, "Comments"). */
  readonly comments: CommentStore;
  /** Full-text search over the documents' titles and text (libs/storage README, "Search"). */
  readonly search: SearchIndex;
  /** Webhooks and their deliveries, claimed by workers with a lease (libs/storage README, "Webhooks"). */
  readonly webhooks: WebhookStore;
  /** Folders of documents, shared with what is in them (libs/storage README, "Folders"). */
  readonly folders: FolderStore;
  /** Invitations, disabled and deleted accounts, password reset requests (libs/storage README, "People"). */
  readonly people: PeopleStore;
  /** Connects and migrates the schema; call once before anything else. */
  open(): Promise<void>;
  /** Commits what is in flight, then releases the connection or pool; unusable afterwards. */
  close(): Promise<void>;
}
