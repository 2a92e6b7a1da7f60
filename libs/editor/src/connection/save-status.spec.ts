import { describe, expect, it } from 'vitest';
import { initialConnectionState, nextConnectionState, type ConnectionEvent, type ConnectionState } from './connection-status';
import { saveStatus } from './save-status';

function after(events: ConnectionEvent[], start: ConnectionState = initialConnectionState()): ConnectionState {
  return events.reduce(nextConnectionState, start);
}
const connected: ConnectionEvent[] = [{ type: 'status', status: 'connected' }, { type: 'synced' }];
const editor = { editing: true, localCopies: true };

describe('saveStatus', () => {
  it('says Saved only once nothing is unacknowledged, and Saving… while something is', () => {
    expect(saveStatus(after(connected), 0, editor).label).toBe('Saved');
    expect(saveStatus(after(connected), 3, editor)).toMatchObject({ kind: 'saving', label: 'Saving…' });
    // Connected but the document has not arrived yet: not "Saved" either.
    expect(saveStatus(after([{ type: 'status', status: 'connected' }]), 0, editor).kind).toBe('connecting');
  });

  it('counts the changes kept on this device while offline, in words that say where they are', () => {
    const offline = after([...connected, { type: 'offline' }, { type: 'status', status: 'disconnected' }]);
    expect(saveStatus(offline, 12, editor).label).toBe('Offline — 12 changes saved on this device');
    expect(saveStatus(offline, 1, editor).label).toBe('Offline — 1 change saved on this device');
    expect(saveStatus(offline, 0, editor).label).toBe('Offline — all changes saved');
    expect(saveStatus(offline, 12, { editing: true, localCopies: false }).label).toBe('Offline — 12 changes kept in this tab');
  });

  it('says the server cannot be reached while it retries, and what is safe', () => {
    const lost = after([...connected, { type: 'status', status: 'disconnected' }]);
    expect(saveStatus(lost, 2, editor)).toMatchObject({ kind: 'unreachable', label: 'Can’t reach the server — retrying' });
    expect(saveStatus(lost, 2, editor).detail).toContain('saved on this device');
    expect(saveStatus(after([{ type: 'attempt-failed' }]), 0, editor).kind).toBe('unreachable');
    expect(saveStatus(initialConnectionState(), 0, editor).label).toBe('Connecting…');
  });

  it('tells a viewer about the connection, not about saving', () => {
    expect(saveStatus(after(connected), 0, { editing: false, localCopies: true }).label).toBe('Connected');
  });

  it('says how many changes did not reach the server when it closed the document for good', () => {
    const closed = after([...connected, { type: 'closed', code: 4403 }]);
    expect(saveStatus(closed, 2, editor)).toMatchObject({ kind: 'closed', detail: '2 changes could not be sent to the server.' });
  });
});
