import { timeOf } from './directory-checks';
import { StorageError } from './storage-error';

/**
 * A security event as stored: who did what, from which address, to what. Never a secret: the
 * server writes ids, names of what happened and addresses only. Times are the caller's.
 */
export interface NewSecurityEvent {
  /** What happened, e.g. `signin`, `signin-failed`, `token-created` (the server's list). */
  readonly type: string;
  readonly at: Date;
  /** The account that acted, or null (a failed sign-in, a guest). */
  readonly actorId: string | null;
  /** The address the request came from, as the server's limits see it. */
  readonly address: string | null;
  readonly documentId: string | null;
  /** Whom or what it acted on: a user id, a token id, a link id. */
  readonly subjectId: string | null;
  /** A short note a person can read; never a secret. */
  readonly details: string | null;
}

/** A stored event, with the acting account's current name (null once the account is gone). */
export interface SecurityEvent extends NewSecurityEvent {
  /** Increasing with every event recorded (as a string: PostgreSQL's bigserial may pass 2^53). */
  readonly id: string;
  readonly actorName: string | null;
}

/** A row as both SQL adapters select it. */
export interface SecurityEventRow {
  id: number | string;
  at: number | Date;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  address: string | null;
  document_id: string | null;
  subject_id: string | null;
  details: string | null;
}

export function toSecurityEvent(row: SecurityEventRow): SecurityEvent {
  return {
    id: String(row.id),
    at: new Date(row.at),
    type: row.type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    address: row.address,
    documentId: row.document_id,
    subjectId: row.subject_id,
    details: row.details,
  };
}

/** The columns of a new event, checked: a valid time and a type; times in milliseconds. */
export interface SecurityEventParams {
  at: number;
  type: string;
  actorId: string | null;
  address: string | null;
  documentId: string | null;
  subjectId: string | null;
  details: string | null;
}

export function securityEventParams(event: NewSecurityEvent): SecurityEventParams {
  if (typeof event.type !== 'string' || event.type === '') {
    throw new StorageError('invalid-argument', 'A security event needs a type, such as "signin"');
  }
  return {
    at: timeOf(event.at, 'Security event at'),
    type: event.type,
    actorId: event.actorId ?? null,
    address: event.address ?? null,
    documentId: event.documentId ?? null,
    subjectId: event.subjectId ?? null,
    details: event.details ?? null,
  };
}

/** Refuses a count that is not a whole number from 0 (a limit, how many to keep). */
export function checkCount(count: number, what: string): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new StorageError('invalid-argument', `${what} must be a whole number from 0, not ${String(count)}`);
  }
  return count;
}
