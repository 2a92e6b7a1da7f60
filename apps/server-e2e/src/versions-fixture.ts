import { Version, VersionList } from '@quire/api-contract';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, signUp, type Account } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from './test-database';

/** Quick automatic versions, so that a test waits a moment, not five minutes. */
export const VERSION_IDLE_MS = 1_000;
export const VERSION_TIMING = { VERSION_IDLE_MS: String(VERSION_IDLE_MS), VERSION_INTERVAL_MS: '60000' };
export const PASSWORD = 'a long enough password';

/** A database the suites run on: SQLite in DATA_DIR, or a PostgreSQL database of their own. */
export interface Backend {
  readonly name: string;
  readonly skip: boolean;
  /** The environment for a server on it, and what to remove afterwards. */
  prepare(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

/** SQLite always; PostgreSQL where it runs (under CI=true it must: the probe fails the file otherwise). */
export async function backends(suite: string): Promise<Backend[]> {
  const postgresSkip = await postgresUnavailableReason(suite);
  return [
    { name: 'SQLite', skip: false, prepare: async () => ({ env: {}, drop: async () => undefined }) },
    {
      name: 'PostgreSQL',
      skip: postgresSkip !== undefined,
      prepare: async () => {
        const database: TestDatabase = await createTestDatabase('versions');
        return { env: { DATABASE_URL: database.url }, drop: () => database.drop() };
      },
    },
  ];
}

/** The texts of a document's paragraphs (and other textblocks), top level. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('prosemirror')
    .toArray()
    .map((element) => (element instanceof Y.XmlElement ? element.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('') : ''));
}

/** Appends paragraphs holding `texts`, in one transaction, as an editor's Enter and typing would. */
export function addParagraphs(client: StockClient, ...texts: string[]): void {
  client.doc.transact(() => {
    for (const text of texts) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      client.fragment.insert(client.fragment.length, [paragraph]);
    }
  });
}

/** Types `text` at the end of paragraph `index`. */
export function typeInto(client: StockClient, index: number, text: string): void {
  const paragraph = client.fragment.get(index) as Y.XmlElement;
  const content = paragraph.get(0) as Y.XmlText;
  content.insert(content.length, text);
}

/**
 * One server on a backend, with the administrator (who owns the documents), Bob (an editor), Carol
 * (a viewer) and Dave (signed up, a member of nothing), and the stock clients a test opens.
 */
export class VersionsFixture {
  server!: ServerProcess;
  admin!: Account;
  bob!: Account;
  carol!: Account;
  dave!: Account;
  private readonly data = temporaryDataDir();
  private readonly clients: StockClient[] = [];
  private drop: () => Promise<void> = async () => undefined;

  constructor(
    private readonly backend: Backend,
    /** More environment for the server (limits a suite lowers). */
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    const { env, drop } = await this.backend.prepare();
    this.drop = drop;
    this.server = await startServer({ dataDir: this.data.dir, env: { ...env, ...VERSION_TIMING, ...this.env } });
    this.admin = await setUpAdmin(this.server);
    [this.bob, this.carol, this.dave] = await Promise.all(
      ['bob', 'carol', 'dave'].map((name) => signUp(this.server, { email: `${name}@example.com`, name: name.charAt(0).toUpperCase() + name.slice(1), password: PASSWORD })),
    );
  }

  async stop(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy();
    await this.server?.stop();
    await this.drop();
    this.data.remove();
  }

  /** Frees the clients a test opened. */
  closeClients(): void {
    for (const client of this.clients.splice(0)) client.destroy();
  }

  /** A document the administrator owns, with Bob as editor and Carol as viewer. */
  async sharedDocument(title = 'Plans'): Promise<string> {
    const id = await this.admin.createDocument(undefined, title);
    for (const [account, role] of [
      [this.bob, 'editor'],
      [this.carol, 'viewer'],
    ] as const) {
      const added = await this.admin.request('POST', `/api/documents/${id}/members`, { email: account.user.email, role });
      expect(added.status, added.text).toBe(201);
    }
    return id;
  }

  /** A synced stock client of `account` on the document. */
  async connect(account: Account, documentId: string): Promise<StockClient> {
    const client = connectStockClient(this.server.wsUrl, documentId, { params: account.params });
    this.clients.push(client);
    await synced(client);
    return client;
  }

  /** The document's versions as `account` lists them, newest first, parsed with the contract. */
  async versions(account: Account, documentId: string): Promise<Version[]> {
    const answer = await account.request('GET', `/api/documents/${documentId}/versions`);
    expect(answer.status, answer.text).toBe(200);
    return VersionList.parse(answer.body).versions;
  }

  /** Waits until the document has `count` versions, and gives them. */
  async versionsOnceThere(account: Account, documentId: string, count: number): Promise<Version[]> {
    let versions: Version[] = [];
    const deadline = Date.now() + 15_000;
    while ((versions = await this.versions(account, documentId)).length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} versions of ${documentId}, have ${versions.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return versions;
  }

  /** A named version made by `account`, parsed. */
  async name(account: Account, documentId: string, name: string): Promise<Version> {
    const answer = await account.request('POST', `/api/documents/${documentId}/versions`, { name });
    expect(answer.status, answer.text).toBe(201);
    return Version.parse(answer.body);
  }

  /** Waits until every client holds the same paragraphs, and gives them. */
  async converged(...clients: StockClient[]): Promise<string[]> {
    await eventually(() => clients.every((client) => JSON.stringify(paragraphs(client.doc)) === JSON.stringify(paragraphs(clients[0].doc))), 'the clients converge');
    return paragraphs(clients[0].doc);
  }
}
