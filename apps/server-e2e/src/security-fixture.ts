import { encodeAwareness, encodeAwarenessUpdate } from '@quire/protocol';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, signUp, type Account } from './access';
import { metricSample } from './prometheus-text';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { ProtocolSocket } from './socket-outcome';
import { connectStockClient, type StockClient } from './stock-client';

/** The one browser origin the security suites' servers allow. */
export const ALLOWED_ORIGIN = 'http://localhost:3000';
/** Short, so that an expired ticket takes a second and a half to make, not a minute. */
export const TICKET_LIFETIME_MS = 1_500;
/** docs/api.md: revoking closes the sockets it opened within 5 s. */
export const REVOKED_WITHIN_MS = 5_000;
export const PASSWORD = 'a long enough password';

export function typeParagraph(client: StockClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

/** A Yjs update that adds a paragraph, as a client of its own would send it. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** An awareness frame that sets `clientId`'s state at `clock`. */
export function awarenessFrame(clientId: number, state: unknown, clock = 1): Uint8Array {
  return encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, state: state as Record<string, unknown> }]));
}

/** `/collab/<id>`, with `?token=` when one is given. */
export function collabPath(documentId: string, token?: string): string {
  return `/collab/${documentId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** A {@link SecurityFixture} started before the suite, cleaned up after each test, stopped after all. */
export function useSecurityFixture(): SecurityFixture {
  const fx = new SecurityFixture();
  beforeAll(() => fx.start());
  afterEach(() => {
    vi.restoreAllMocks();
    fx.cleanUp();
  });
  afterAll(() => fx.stop());
  return fx;
}

/**
 * One server for a security suite, logging everything it can (debug), with four people: the
 * administrator (who owns every document), Bob (an editor of the shared documents), Carol (a
 * viewer) and Dave (signed up, a member of nothing). Keeps every secret it hands out, so that a
 * suite can check that none reached the log.
 */
export class SecurityFixture {
  readonly secrets = new Set<string>();
  private readonly data = temporaryDataDir();
  private readonly clients: StockClient[] = [];
  private readonly sockets: ProtocolSocket[] = [];
  private started: { server: ServerProcess; admin: Account; bob: Account; carol: Account; dave: Account } | undefined;

  /** In `beforeAll`. */
  async start(): Promise<void> {
    const server = await startServer({
      dataDir: this.data.dir,
      env: { ALLOWED_ORIGINS: ALLOWED_ORIGIN, TICKET_LIFETIME_MS: String(TICKET_LIFETIME_MS), LOG_LEVEL: 'debug' },
    });
    const admin = await setUpAdmin(server);
    const [bob, carol, dave] = await Promise.all(
      ['Bob', 'Carol', 'Dave'].map((name) => signUp(server, { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD })),
    );
    this.started = { server, admin, bob, carol, dave };
    for (const account of [admin, bob, carol, dave]) this.keep(account.bearer, account.session);
  }

  /** In `afterEach`: every client and socket a test opened is closed. */
  cleanUp(): void {
    for (const client of this.clients.splice(0)) client.destroy();
    for (const socket of this.sockets.splice(0)) socket.close();
  }

  /** In `afterAll`. */
  async stop(): Promise<void> {
    this.cleanUp();
    await this.started?.server.stop();
    this.data.remove();
  }

  get server(): ServerProcess {
    return this.get().server;
  }

  get admin(): Account {
    return this.get().admin;
  }

  get bob(): Account {
    return this.get().bob;
  }

  get carol(): Account {
    return this.get().carol;
  }

  get dave(): Account {
    return this.get().dave;
  }

  /** Remembers secrets, to look for them in the log at the end. */
  keep(...secrets: Array<string | undefined>): void {
    for (const secret of secrets) if (secret) this.secrets.add(secret);
  }

  // The helpers below are arrow properties, so that a suite can take them out of the fixture.

  /** A document the administrator owns, with Bob as editor and Carol as viewer. */
  readonly sharedDocument = async (title = 'Quarterly plan'): Promise<string> => {
    const id = await this.admin.createDocument(undefined, title);
    for (const [account, role] of [
      [this.bob, 'editor'],
      [this.carol, 'viewer'],
    ] as const) {
      const answer = await this.admin.request('POST', `/api/documents/${id}/members`, { email: account.user.email, role });
      expect(answer.status, answer.text).toBe(201);
    }
    return id;
  };

  /** A ticket as a browser gets one: with its session cookie. */
  readonly ticketFor = async (account: Account, documentId: string): Promise<string> => {
    const { ticket } = await account.ticket(documentId, 'session');
    this.keep(ticket);
    return ticket;
  };

  /** A stock client with `token` (the account's API token unless given; `null` for none). */
  readonly connect = (account: Account, documentId: string, token: string | null = account.bearer): StockClient => {
    const client = connectStockClient(this.server.wsUrl, documentId, { params: token === null ? {} : { token } });
    this.clients.push(client);
    return client;
  };

  /** A raw protocol socket, closed after the test. */
  readonly open = async (url: string): Promise<ProtocolSocket> => {
    const socket = await ProtocolSocket.open(url);
    this.sockets.push(socket);
    return socket;
  };

  /** Waits until no document is loaded: what a fresh client then receives comes from the store. */
  async everyDocumentUnloaded(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await (await fetch(`${this.server.httpUrl}/metrics`)).text();
      if (metricSample(text, 'quire_documents_loaded') === 0) return;
      if (Date.now() > deadline) throw new Error('documents stayed loaded');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The check every security suite ends with: none of the secrets it handled is in the server's log. */
  expectNoSecretInLog(): void {
    const log = this.server.output();
    expect(log.length).toBeGreaterThan(0);
    expect(this.secrets.size).toBeGreaterThan(8);
    for (const secret of this.secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(log.includes(secret), `a secret starting ${secret.slice(0, 4)} is in the log`).toBe(false);
    }
    for (const prefix of ['qk_', 'qt_', 'qs_']) expect(log, prefix).not.toContain(prefix);
  }

  private get(): NonNullable<SecurityFixture['started']> {
    if (!this.started) throw new Error('the security fixture has not started: call start() in beforeAll');
    return this.started;
  }
}
