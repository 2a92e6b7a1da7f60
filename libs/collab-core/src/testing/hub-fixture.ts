import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as Y from 'yjs';
import type { ConnectionAccess } from '../access';
import { DocumentHub, type HubOptions } from '../document-hub';
import { ControlledStore } from './controlled-store';
import { RecordingLogger } from './recording-logger';
import { TestClient } from './test-client';

/** The document id fixtures use unless told otherwise. */
export const TEST_DOCUMENT = 'doc-1';

/**
 * A hub over a {@link ControlledStore} with a {@link RecordingLogger}, and the clients a test
 * opens on it; `cleanup()` closes the hub and frees the clients.
 */
export class HubFixture {
  readonly store = new ControlledStore();
  readonly logger = new RecordingLogger();
  readonly hub: DocumentHub;
  private readonly clients: TestClient[] = [];

  constructor(options: Omit<HubOptions, 'store' | 'logger'> = {}) {
    this.hub = new DocumentHub({ store: this.store, logger: this.logger, ...options });
  }

  /**
   * Connects a new client to `documentId`, acting under `access` if given (and asking for stored
   * acknowledgements with `options.acknowledge`). Creates the document in
   * the store first unless it exists, as the server's API does before any socket to it opens
   * (appends never create one); `store.deleteDocument` takes it away again.
   */
  client(documentId = TEST_DOCUMENT, access?: ConnectionAccess | null, options: { readonly acknowledge?: boolean } = {}): TestClient {
    this.store.ensureDocument(documentId);
    const client = new TestClient().connect(this.hub, documentId, access, options);
    this.clients.push(client);
    return client;
  }

  /** A Y.Doc built from what the store holds for `documentId`, as a restarted server would load it. */
  storedDoc(documentId = TEST_DOCUMENT): Y.Doc {
    const doc = new Y.Doc();
    for (const update of this.store.stored(documentId)) Y.applyUpdate(doc, update);
    return doc;
  }

  /** The stored shared text. */
  storedText(documentId = TEST_DOCUMENT): string {
    return this.storedDoc(documentId).getText('text').toString();
  }

  /** The stored ProseMirror fragment as XML. */
  storedXml(documentId = TEST_DOCUMENT): string {
    return this.storedDoc(documentId).getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
  }

  /** Closes the hub and frees every client. */
  async cleanup(): Promise<void> {
    this.store.releaseAppends();
    for (const call of this.store.appendCalls) call.gate.resolve();
    this.store.failAppends = 0;
    await this.hub.close();
    for (const client of this.clients) client.destroy();
  }
}
