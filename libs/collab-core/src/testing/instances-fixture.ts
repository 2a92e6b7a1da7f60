import type { ConnectionAccess } from '../access';
import { LocalBusNetwork, type LocalDocumentBus } from '@quire/bus';
import { StorageError, type UpdateLog, type VersionHistory } from '@quire/storage';
import { MemoryStorage } from '@quire/storage/memory';
import * as Y from 'yjs';
import { DocumentHub, type HubOptions } from '../document-hub';
import { ControlledStore } from './controlled-store';
import { RecordingLogger } from './recording-logger';
import { TestClient } from './test-client';
import { TEST_DOCUMENT } from './hub-fixture';

/** One of the instances of an {@link InstancesFixture}. */
export interface TestInstance {
  readonly hub: DocumentHub;
  readonly bus: LocalDocumentBus;
  readonly logger: RecordingLogger;
  /** The log its hub writes to: the shared one, unless the instance was given its own. */
  readonly store: UpdateLog;
}

/**
 * Several hubs in one process, as several server instances: one shared log (a `MemoryStorage`'s,
 * as one database) and one `LocalBusNetwork` (as one Redis), which a test can cut an instance off
 * from. `cleanup()` closes everything.
 */
export class InstancesFixture {
  readonly network = new LocalBusNetwork();
  private readonly instances: TestInstance[] = [];
  private readonly clients: TestClient[] = [];
  /** Why creating a document for a client failed, if it did; `cleanup()` throws it. */
  private creationError: unknown;

  private readonly storage = new MemoryStorage();
  /** The shared log. */
  readonly store: UpdateLog = this.storage.log;
  /** The shared version history, beside the log (as in one database). */
  readonly versions: VersionHistory = this.storage.versions;

  /** Opens the shared storage; call once first. */
  async open(): Promise<this> {
    await this.storage.open();
    return this;
  }

  /** A new instance: a hub over the shared store (or `options.store`) with a bus on the shared network. */
  instance(name: string, options: Partial<Omit<HubOptions, 'bus' | 'logger'>> & { instanceTimeoutMs?: number } = {}): TestInstance {
    const { instanceTimeoutMs, ...hubOptions } = options;
    const bus = this.network.connect({ instanceId: name, instanceTimeoutMs });
    const logger = new RecordingLogger();
    const store = hubOptions.store ?? this.store;
    const hub = new DocumentHub({ ...hubOptions, store, logger, bus });
    const instance = { hub, bus, logger, store };
    this.instances.push(instance);
    return instance;
  }

  /**
   * Connects a new client to `documentId` on `instance`. Creates the document first in the
   * instance's store unless it exists, as the server's API does before any socket to it opens
   * (appends never create one).
   */
  client(instance: TestInstance, documentId = TEST_DOCUMENT, access?: ConnectionAccess, options: { readonly acknowledge?: boolean } = {}): TestClient {
    this.ensureDocument(instance.store, documentId);
    const client = new TestClient().connect(instance.hub, documentId, access, options);
    this.clients.push(client);
    return client;
  }

  /** The shared text as stored, read as a restarted server would. */
  async storedText(documentId = TEST_DOCUMENT): Promise<string> {
    const doc = new Y.Doc();
    for (const update of (await this.store.load(documentId)).updates) Y.applyUpdate(doc, update);
    const text = doc.getText('text').toString();
    doc.destroy();
    return text;
  }

  /**
   * Creates `documentId` for `store` unless it exists. A `ControlledStore` does it at once; any
   * other log is taken to be (or to wrap) the shared one, whose storage creates it before the
   * promise of `create` is returned, so the client connecting next finds the document (its first
   * write comes turns later, after the load).
   */
  private ensureDocument(store: UpdateLog, documentId: string): void {
    if (store instanceof ControlledStore) {
      store.ensureDocument(documentId);
      return;
    }
    this.storage.documents.create(documentId).catch((error: unknown) => {
      if (error instanceof StorageError && error.code === 'document-exists') return;
      this.creationError ??= error;
    });
  }

  /** Closes every hub and bus, frees every client, closes the storage. */
  async cleanup(): Promise<void> {
    for (const { hub, bus } of this.instances) {
      await hub.close();
      await bus.close();
    }
    for (const client of this.clients) client.destroy();
    await this.storage.close();
    if (this.creationError) throw this.creationError;
  }
}
