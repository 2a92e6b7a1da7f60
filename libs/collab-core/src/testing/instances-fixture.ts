import { LocalBusNetwork, type LocalDocumentBus } from '@quire/bus';
import { MemoryDocumentStore, type DocumentStore } from '@quire/storage';
import * as Y from 'yjs';
import { DocumentHub, type HubOptions } from '../document-hub';
import { RecordingLogger } from './recording-logger';
import { TestClient } from './test-client';
import { TEST_DOCUMENT } from './hub-fixture';

/** One of the instances of an {@link InstancesFixture}. */
export interface TestInstance {
  readonly hub: DocumentHub;
  readonly bus: LocalDocumentBus;
  readonly logger: RecordingLogger;
}

/**
 * Several hubs in one process, as several server instances: one shared store (by default a
 * `MemoryDocumentStore`, as one database) and one `LocalBusNetwork` (as one Redis), which a test
 * can cut an instance off from. `cleanup()` closes everything.
 */
export class InstancesFixture {
  readonly network = new LocalBusNetwork();
  private readonly instances: TestInstance[] = [];
  private readonly clients: TestClient[] = [];

  constructor(readonly store: DocumentStore = new MemoryDocumentStore()) {}

  /** Opens the shared store; call once first. */
  async open(): Promise<this> {
    await this.store.open();
    return this;
  }

  /** A new instance: a hub over the shared store (or `options.store`) with a bus on the shared network. */
  instance(name: string, options: Partial<Omit<HubOptions, 'bus' | 'logger'>> & { instanceTimeoutMs?: number } = {}): TestInstance {
    const { instanceTimeoutMs, ...hubOptions } = options;
    const bus = this.network.connect({ instanceId: name, instanceTimeoutMs });
    const logger = new RecordingLogger();
    const hub = new DocumentHub({ store: this.store, ...hubOptions, logger, bus });
    const instance = { hub, bus, logger };
    this.instances.push(instance);
    return instance;
  }

  /** Connects a new client to `documentId` on `instance`. */
  client(instance: TestInstance, documentId = TEST_DOCUMENT): TestClient {
    const client = new TestClient().connect(instance.hub, documentId);
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

  /** Closes every hub and bus, frees every client, closes the store. */
  async cleanup(): Promise<void> {
    for (const { hub, bus } of this.instances) {
      await hub.close();
      await bus.close();
    }
    for (const client of this.clients) client.destroy();
    await this.store.close();
  }
}
