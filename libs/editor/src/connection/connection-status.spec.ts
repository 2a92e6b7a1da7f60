import { CloseCode } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import {
  initialConnectionState,
  isTerminalCloseCode,
  nextConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-status';

const run = (events: ConnectionEvent[], start: ConnectionState = initialConnectionState()) =>
  events.reduce(nextConnectionState, start).status;

describe('connection status', () => {
  it('connects, then syncs', () => {
    expect(run([])).toEqual({ kind: 'connecting' });
    expect(run([{ type: 'status', status: 'connected' }])).toEqual({ kind: 'connected', synced: false });
    expect(run([{ type: 'status', status: 'connected' }, { type: 'synced' }])).toEqual({ kind: 'connected', synced: true });
  });

  it('says connecting until the first connection, reconnecting after a loss', () => {
    expect(run([{ type: 'status', status: 'disconnected' }, { type: 'status', status: 'connecting' }])).toEqual({ kind: 'connecting' });
    const lost: ConnectionEvent[] = [{ type: 'status', status: 'connected' }, { type: 'status', status: 'disconnected' }];
    expect(run(lost)).toEqual({ kind: 'reconnecting' });
    expect(run([...lost, { type: 'status', status: 'connecting' }])).toEqual({ kind: 'reconnecting' });
    expect(run([...lost, { type: 'status', status: 'connected' }])).toEqual({ kind: 'connected', synced: false });
  });

  it('keeps reconnecting after a server shutdown (1001)', () => {
    const events: ConnectionEvent[] = [
      { type: 'status', status: 'connected' },
      { type: 'closed', code: CloseCode.GoingAway },
      { type: 'status', status: 'disconnected' },
    ];
    expect(run(events)).toEqual({ kind: 'reconnecting' });
  });

  it('says offline while the browser has no network', () => {
    expect(run([], initialConnectionState(false))).toEqual({ kind: 'offline' });
    const events: ConnectionEvent[] = [
      { type: 'status', status: 'connected' },
      { type: 'offline' },
      { type: 'status', status: 'disconnected' },
    ];
    expect(run(events)).toEqual({ kind: 'offline' });
    expect(run([...events, { type: 'online' }])).toEqual({ kind: 'reconnecting' });
  });

  it('stops for good on 4426, 4401, 4403 and 4404, with the reason', () => {
    const closed = (code: number) => run([{ type: 'status', status: 'connected' }, { type: 'closed', code }]);
    expect(closed(CloseCode.EditorOutdated)).toEqual({ kind: 'closed', code: 4426, reason: 'outdated' });
    expect(closed(CloseCode.Unauthenticated)).toEqual({ kind: 'closed', code: 4401, reason: 'unauthenticated' });
    expect(closed(CloseCode.Forbidden)).toEqual({ kind: 'closed', code: 4403, reason: 'forbidden' });
    expect(closed(CloseCode.NotFound)).toEqual({ kind: 'closed', code: 4404, reason: 'not-found' });
    expect(closed(4499)).toEqual({ kind: 'closed', code: 4499, reason: 'refused' });
    const after = run([{ type: 'closed', code: 4426 }, { type: 'status', status: 'connected' }, { type: 'online' }]);
    expect(after).toEqual({ kind: 'closed', code: 4426, reason: 'outdated' });
  });

  it('counts failed attempts until a connection succeeds', () => {
    const failed: ConnectionEvent = { type: 'attempt-failed' };
    const state = [failed, failed].reduce(nextConnectionState, initialConnectionState());
    expect(state.failedAttempts).toBe(2);
    expect(state.status).toEqual({ kind: 'connecting' });
    expect(nextConnectionState(state, { type: 'status', status: 'connected' }).failedAttempts).toBe(0);
  });

  it('keeps the role of the latest ticket', () => {
    const granted = [{ type: 'granted', role: 'editor' }, { type: 'status', status: 'connected' }, { type: 'granted', role: 'viewer' }] as const;
    const state = granted.reduce<ConnectionState>((current, event) => nextConnectionState(current, event), initialConnectionState());
    expect(state.role).toBe('viewer');
    expect(initialConnectionState().role).toBeNull();
  });

  it('treats only the 44xx codes as terminal', () => {
    for (const code of [4401, 4403, 4404, 4426, 4400, 4499]) expect(isTerminalCloseCode(code), String(code)).toBe(true);
    for (const code of [1000, 1001, 1006, 1008, 1009, 1011, 4500, 4000]) expect(isTerminalCloseCode(code), String(code)).toBe(false);
  });
});
