import type { Role } from '@quire/api-contract';
import { CloseCode, TERMINAL_CLOSE_CODES } from '@quire/constants';

/** Why the server ended the connection for good; the page says it and stops reconnecting. */
export type TerminalReason = 'outdated' | 'unauthenticated' | 'forbidden' | 'not-found' | 'refused';

/** What the page shows about its connection to the collaboration server. */
export type ConnectionStatus =
  /** The first attempt, not yet connected. */
  | { kind: 'connecting' }
  /** Connected; `synced` once the server's copy of the document has arrived. */
  | { kind: 'connected'; synced: boolean }
  /** The connection was lost; y-websocket retries with backoff. */
  | { kind: 'reconnecting' }
  /** The browser reports no network; retries continue and succeed when it returns. */
  | { kind: 'offline' }
  /** The server refused this editor; nothing more happens until the person acts. */
  | { kind: 'closed'; code: number; reason: TerminalReason };

/** What happened, as reported by the provider and the browser. */
export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'synced' }
  | { type: 'closed'; code: number }
  /** A connection attempt ended (refused, dropped, or closed by the server). */
  | { type: 'attempt-failed' }
  | { type: 'offline' }
  | { type: 'online' }
  /** A ticket was granted: the next connection acts with this role. */
  | { type: 'granted'; role: Role };

/** The status plus what it is derived from. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** Whether this page has ever been connected: "reconnecting" rather than "connecting". */
  wasConnected: boolean;
  /** Whether the browser currently reports a network. */
  online: boolean;
  /** Attempts that ended since the last successful connection: the page says more after a few. */
  failedAttempts: number;
  /** The role of the latest ticket (viewers get a read-only editor); null before the first. */
  role: Role | null;
}

/** True when reconnecting cannot help: the 44xx codes, ours and any other. */
export function isTerminalCloseCode(code: number): boolean {
  return TERMINAL_CLOSE_CODES.has(code) || (code >= 4400 && code < 4500);
}

export function terminalReason(code: number): TerminalReason {
  switch (code) {
    case CloseCode.EditorOutdated:
      return 'outdated';
    case CloseCode.Unauthenticated:
      return 'unauthenticated';
    case CloseCode.Forbidden:
      return 'forbidden';
    case CloseCode.NotFound:
      return 'not-found';
    default:
      return 'refused';
  }
}

export function initialConnectionState(online = true): ConnectionState {
  return {
    status: online ? { kind: 'connecting' } : { kind: 'offline' },
    wasConnected: false,
    online,
    failedAttempts: 0,
    role: null,
  };
}

function waiting(state: ConnectionState): ConnectionStatus {
  if (!state.online) return { kind: 'offline' };
  return state.wasConnected ? { kind: 'reconnecting' } : { kind: 'connecting' };
}

function sameState(a: ConnectionState, b: ConnectionState): boolean {
  return (
    a.wasConnected === b.wasConnected &&
    a.online === b.online &&
    a.failedAttempts === b.failedAttempts &&
    a.role === b.role &&
    JSON.stringify(a.status) === JSON.stringify(b.status)
  );
}

/**
 * The next state after `event`: the same object when nothing visible changed, so listeners are
 * told only about changes. A terminal close is final.
 */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  const next = reduce(state, event);
  return sameState(state, next) ? state : next;
}

function reduce(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.status.kind === 'closed') return state;
  switch (event.type) {
    case 'closed':
      if (!isTerminalCloseCode(event.code)) return state;
      return { ...state, status: { kind: 'closed', code: event.code, reason: terminalReason(event.code) } };
    case 'granted':
      return { ...state, role: event.role };
    case 'attempt-failed':
      return { ...state, failedAttempts: state.failedAttempts + 1 };
    case 'synced':
      return state.status.kind === 'connected' ? { ...state, status: { kind: 'connected', synced: true } } : state;
    case 'offline': {
      const next = { ...state, online: false };
      return state.status.kind === 'connected' ? next : { ...next, status: waiting(next) };
    }
    case 'online': {
      const next = { ...state, online: true };
      return state.status.kind === 'connected' ? next : { ...next, status: waiting(next) };
    }
    case 'status':
      if (event.status === 'connected') {
        return { ...state, wasConnected: true, online: true, failedAttempts: 0, status: { kind: 'connected', synced: false } };
      }
      return { ...state, status: waiting(state) };
  }
}
