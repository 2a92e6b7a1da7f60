import { CloseCode } from '@quire/constants';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import { encodeStoredAck, encodeSyncStep1 } from '@quire/protocol';
import { colorForUserId } from '../identity/palette';
import { CollabSession } from './collab-session';
import { TicketRefusedError, type SocketTicket } from './socket-ticket';
import { typedDocument } from '../testing/typed-document';

/** A WebSocket that connects only when the test says so. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }
  send(data: unknown) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  /** The server's answer to sync step 1: the connection is authorized and has the document. */
  sync() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, new Y.Doc());
    this.onmessage?.({ data: encoding.toUint8Array(encoder).buffer as ArrayBuffer });
  }
  /** Sends the server's sync step 1 (the client answers with its step 2) or any other frame. */
  deliver(frame: Uint8Array) {
    this.onmessage?.({ data: frame.slice().buffer as ArrayBuffer });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

const latest = () => FakeSocket.instances.at(-1)!;

/** Lets pending promises (ticket requests) settle, with fake timers installed. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('CollabSession', () => {
  let session: CollabSession;
  let issued: number;
  /** What the next ticket request does; by default it grants an editor ticket. */
  let answer: () => Promise<SocketTicket>;

  beforeEach(async () => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    issued = 0;
    answer = async () => ({ ticket: `ticket-${++issued}`, role: 'editor', user: { id: 'user-123', name: 'Ada' } });
    session = new CollabSession({
      serverUrl: 'http://127.0.0.1:4000',
      documentId: 'doc-1',
      ticket: () => answer(),
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      // The longest waits: y-websocket's own retry (200 ms after a close) would come first.
      random: () => 1,
    });
    await settle();
  });

  afterEach(() => {
    session.destroy();
    vi.useRealTimers();
  });

  it('connects to /collab/<id> with the schema version and a ticket', () => {
    expect(FakeSocket.instances.map((s) => s.url)).toEqual([`ws://127.0.0.1:4000/collab/doc-1?schema=${SCHEMA_VERSION}&ack=1&token=ticket-1`]);
  });

  it('counts local changes as unsaved until the server acknowledges storing the frame that carries them', async () => {
    latest().open();
    latest().sync();
    session.fragment.insert(0, [new Y.XmlText('a')]);
    expect(session.unsaved).toBe(1);
    session.fragment.delete(0, 1);
    expect(session.unsaved).toBe(2);
    // The first frame only: the deletion (frame 2) is not stored yet.
    latest().deliver(encodeStoredAck({ through: 1, clocks: new Map() }));
    expect(session.unsaved).toBe(2);
    latest().deliver(encodeStoredAck({ through: 2, clocks: new Map() }));
    expect(session.unsaved).toBe(0);
    // What the server sends is not a local change.
    const remote = new Y.Doc();
    remote.getXmlFragment('prosemirror').insert(0, [new Y.XmlText('remote')]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(remote));
    latest().deliver(encoding.toUint8Array(encoder));
    expect(session.unsaved).toBe(0);
  });

  it('sends changes made while disconnected in the next socket’s step 2, and counts them saved once it is acknowledged', async () => {
    latest().open();
    latest().sync();
    latest().serverClose(1006);
    session.fragment.insert(0, [new Y.XmlText('offline')]);
    expect(session.unsaved).toBe(1);
    await vi.runOnlyPendingTimersAsync();
    latest().open();
    // An acknowledgement of a frame before the step 2 does not cover the offline change.
    latest().deliver(encodeStoredAck({ through: 0, clocks: new Map() }));
    latest().deliver(encodeSyncStep1(new Uint8Array([0])));
    expect(session.unsaved).toBe(1);
    latest().deliver(encodeStoredAck({ through: 1, clocks: new Map() }));
    expect(session.unsaved).toBe(0);
  });

  it('publishes exactly the user the ticket names, with a color from the id', () => {
    expect(session.awareness.getLocalState()?.['user']).toEqual({ id: 'user-123', name: 'Ada', color: colorForUserId('user-123') });
    expect(session.connection.role).toBe('editor');
  });

  it('asks for a fresh ticket for every reconnection, and reconnects after 1001', async () => {
    const seen: string[] = [];
    session.subscribe((state) => {
      if (seen.at(-1) !== state.status.kind) seen.push(state.status.kind);
    });
    latest().open();
    latest().sync();
    latest().serverClose(CloseCode.GoingAway);
    await vi.runOnlyPendingTimersAsync();
    latest().open();
    latest().serverClose(1006);
    await vi.runOnlyPendingTimersAsync();
    expect(seen).toEqual(['connected', 'reconnecting', 'connected', 'reconnecting']);
    expect(FakeSocket.instances.map((s) => s.token)).toEqual(['ticket-1', 'ticket-2', 'ticket-3']);
  });

  it('uses a fresh ticket after its own silence watchdog closes the socket', async () => {
    latest().open();
    latest().sync();
    // y-websocket closes a connection that has heard nothing for 30 s (it reads the real clock).
    session.provider.wsLastMessageReceived = 0;
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(FakeSocket.instances.length).toBeGreaterThan(1);
    const tokens = FakeSocket.instances.map((s) => s.token);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('counts connection attempts that fail before any connection', async () => {
    latest().serverClose(1006);
    await vi.runOnlyPendingTimersAsync();
    latest().serverClose(1006);
    expect(session.connection).toMatchObject({ failedAttempts: 2, status: { kind: 'connecting' } });
  });

  it('keeps trying while the API cannot be reached, then connects', async () => {
    latest().serverClose(1006);
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status.kind).toBe('connecting');
    answer = async () => ({ ticket: 'ticket-late', role: 'viewer', user: { id: 'user-123', name: 'Ada' } });
    await vi.runOnlyPendingTimersAsync();
    expect(latest().token).toBe('ticket-late');
    expect(session.connection.role).toBe('viewer');
  });

  it('retries 4401 once with a new ticket, then says the person is not signed in', async () => {
    latest().open();
    latest().serverClose(CloseCode.Unauthenticated);
    await settle();
    expect(latest().token).toBe('ticket-2');
    latest().open();
    latest().serverClose(CloseCode.Unauthenticated);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(2);
    expect(session.connection.status).toEqual({ kind: 'closed', code: 4401, reason: 'unauthenticated' });
  });

  it('gives a later 4401 its own retry once a connection has worked', async () => {
    latest().serverClose(CloseCode.Unauthenticated);
    await settle();
    latest().open();
    latest().sync();
    latest().serverClose(CloseCode.Unauthenticated);
    await settle();
    expect(FakeSocket.instances).toHaveLength(3);
    expect(session.connection.status.kind).not.toBe('closed');
  });

  it('after 4403, a refused ticket means the access was removed', async () => {
    latest().open();
    latest().sync();
    answer = () => Promise.reject(new TicketRefusedError(404, 'Not found'));
    latest().serverClose(CloseCode.Forbidden);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status).toEqual({ kind: 'closed', code: 4403, reason: 'forbidden' });
  });

  it('after 4403, a new ticket with another role reconnects with that role', async () => {
    latest().open();
    latest().sync();
    answer = async () => ({ ticket: 'ticket-viewer', role: 'viewer', user: { id: 'user-123', name: 'Ada' } });
    latest().serverClose(CloseCode.Forbidden);
    await settle();
    latest().open();
    latest().sync();
    expect(session.connection).toMatchObject({ role: 'viewer', status: { kind: 'connected', synced: true } });
  });

  it('applies a long document’s first sync in parts, a task each, and is synced once all are in', async () => {
    const { doc: server } = typedDocument(600);
    const fragment = server.getXmlFragment('prosemirror');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, server);
    latest().open();
    latest().deliver(encoding.toUint8Array(encoder));
    // Nothing yet: the parts wait for later tasks, and the page is not synced yet.
    expect(session.fragment.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    // The first part.
    expect(session.fragment.length).toBeGreaterThan(0);
    expect(session.fragment.length).toBeLessThan(600);
    expect(session.connection.status).toEqual({ kind: 'connected', synced: false });
    // A timer set during a fake tick waits 1 ms at least.
    for (let task = 0; task < 60 && session.connection.status.kind === 'connected' && !session.connection.status.synced; task++) await vi.advanceTimersByTimeAsync(1);
    expect(session.fragment.toString()).toBe(fragment.toString());
    expect(session.connection.status).toEqual({ kind: 'connected', synced: true });
  });

  it('stops applying parts when the socket closes, and is not synced by them', async () => {
    const server = new Y.Doc();
    const fragment = server.getXmlFragment('prosemirror');
    for (let index = 0; index < 600; index++) fragment.insert(index, [new Y.XmlText(`Paragraph ${index}: the committee discussed this item at length.`)]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, server);
    latest().open();
    latest().deliver(encoding.toUint8Array(encoder));
    await vi.advanceTimersByTimeAsync(1);
    const partial = session.fragment.length;
    expect(partial).toBeGreaterThan(0);
    latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(5);
    expect(session.fragment.length).toBe(partial);
    expect(session.connection.status.kind).not.toBe('connected');
  });

  it('stops at once after 4404 and says the document does not exist', async () => {
    latest().open();
    latest().serverClose(CloseCode.NotFound);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status).toMatchObject({ kind: 'closed', reason: 'not-found' });
  });

  it('stops reconnecting after 4426 and says the editor is outdated', async () => {
    latest().open();
    latest().serverClose(CloseCode.EditorOutdated);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status).toEqual({ kind: 'closed', code: 4426, reason: 'outdated' });
  });

  it('renews the connection with a fresh ticket on request', async () => {
    latest().open();
    latest().sync();
    answer = async () => ({ ticket: 'ticket-renamed', role: 'viewer', user: { id: 'guest-1', name: 'Grace' } });
    session.renew();
    await settle();
    expect(latest().token).toBe('ticket-renamed');
    expect(session.awareness.getLocalState()?.['user']).toMatchObject({ id: 'guest-1', name: 'Grace' });
  });
});

describe('CollabSession with a refused first ticket', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not-found'],
  ] as const)('never opens a socket after %i and says %s', async (status, reason) => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    const session = new CollabSession({
      serverUrl: 'http://127.0.0.1:4000',
      documentId: 'doc-1',
      ticket: () => Promise.reject(new TicketRefusedError(status, 'no')),
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.instances).toHaveLength(0);
    expect(session.connection.status).toMatchObject({ kind: 'closed', reason });
    session.destroy();
  });
});
