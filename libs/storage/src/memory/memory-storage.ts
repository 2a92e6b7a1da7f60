import { checkOpen, type StoreState } from '../checks';
import type { UpdateLog } from '../update-log';
import type { VersionHistory } from '../version-history';
import { MemoryCommentStore } from './memory-comment-store';
import type { MemoryData } from './memory-data';
import { MemoryDocuments } from './memory-documents';
import { MemoryFolderStore } from './memory-folder-store';
import { emptyPeopleData, MemoryPeopleStore } from './memory-people-store';
import { MemoryUpdateLog } from './memory-update-log';
import { MemoryVersionHistory } from './memory-version-history';
import { emptyWebhookData, MemoryWebhookStore } from './memory-webhook-store';

/**
 * An {@link UpdateLog} in process memory, with the same semantics as the SQL adapters', for tests
 * and benchmarks; not a production adapter (the server stores on SQLite or PostgreSQL). Holds no
 * accounts, so it has no directory: {@link documents} stands in for the little of one a log needs.
 * Both refuse calls before `open()` and after `close()`, as the SQL adapters do.
 */
export class MemoryStorage {
  private state: StoreState = 'new';
  private data: MemoryData = { documents: new Map(), lastSeq: 0 };

  readonly log: UpdateLog = new MemoryUpdateLog(() => this.opened());
  readonly documents = new MemoryDocuments(() => this.opened());
  readonly versions: VersionHistory = new MemoryVersionHistory(() => this.opened());
  /** Comments, with stand-ins for the accounts and members they name (see MemoryCommentStore). */
  readonly comments = new MemoryCommentStore(() => this.opened());
  /** Folders, with stand-ins for the accounts and memberships they name (see MemoryFolderStore). */
  readonly folders = new MemoryFolderStore(() => this.opened());
  private webhookData = emptyWebhookData();
  private peopleData = emptyPeopleData();
  /** Invitations, disabled accounts and reset requests, with stand-ins for accounts and documents (see MemoryPeopleStore). */
  readonly people = new MemoryPeopleStore(() => {
    this.opened();
    return this.peopleData;
  });
  /** Webhooks, with stand-ins for the accounts that own them (see MemoryWebhookStore). */
  readonly webhooks = new MemoryWebhookStore(() => {
    this.opened();
    return this.webhookData;
  });

  /** A new, unopened storage over the same data, as a restarted process would find it; for restart tests. */
  reopen(): MemoryStorage {
    const storage = new MemoryStorage();
    storage.data = this.data;
    storage.webhookData = this.webhookData;
    storage.peopleData = this.peopleData;
    return storage;
  }

  async open(): Promise<void> {
    if (this.state === 'closed') checkOpen('MemoryStorage', this.state);
    this.state = 'open';
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }

  private opened(): MemoryData {
    checkOpen('MemoryStorage', this.state);
    return this.data;
  }
}
