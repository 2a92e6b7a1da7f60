import { CloseCode } from '@quire/constants';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { colorForUserId } from '../identity/palette';
import { CollabSession } from './collab-session';

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
  onmessage: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
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
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

describe('CollabSession', () => {
  let session: CollabSession;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    session = new CollabSession({
      serverUrl: 'http://127.0.0.1:4000',
      documentId: 'doc-1',
      user: { id: 'user-123', name: 'Ada' },
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
  });

  afterEach(() => {
    session.destroy();
    vi.useRealTimers();
  });

  it('connects to /collab/<id> with the schema version', () => {
    expect(FakeSocket.instances.map((s) => s.url)).toEqual(['ws://127.0.0.1:4000/collab/doc-1?schema=1']);
  });

  it('publishes the user with a color from the id', () => {
    expect(session.awareness.getLocalState()?.['user']).toEqual({ id: 'user-123', name: 'Ada', color: colorForUserId('user-123') });
    session.setUser({ id: 'user-123', name: 'Ada L.' });
    expect(session.awareness.getLocalState()?.['user']).toMatchObject({ name: 'Ada L.' });
  });

  it('reports connecting, connected and reconnecting, and reconnects after 1001', () => {
    const seen: string[] = [];
    session.subscribe((state) => {
      if (seen.at(-1) !== state.status.kind) seen.push(state.status.kind);
    });
    FakeSocket.instances[0]!.open();
    FakeSocket.instances[0]!.serverClose(CloseCode.GoingAway);
    vi.runOnlyPendingTimers();
    expect(seen).toEqual(['connected', 'reconnecting']);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('counts connection attempts that fail before any connection', () => {
    FakeSocket.instances[0]!.serverClose(1006);
    vi.runOnlyPendingTimers();
    FakeSocket.instances[1]!.serverClose(1006);
    expect(session.connection).toMatchObject({ failedAttempts: 2, status: { kind: 'connecting' } });
  });

  it('stops reconnecting after 4426 and says the editor is outdated', () => {
    FakeSocket.instances[0]!.open();
    FakeSocket.instances[0]!.serverClose(CloseCode.EditorOutdated);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status).toEqual({ kind: 'closed', code: 4426, reason: 'outdated' });
  });

  it('stops after a 44xx close that happens before the connection opens', () => {
    FakeSocket.instances[0]!.serverClose(CloseCode.NotFound);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(session.connection.status).toMatchObject({ kind: 'closed', reason: 'not-found' });
  });
});
