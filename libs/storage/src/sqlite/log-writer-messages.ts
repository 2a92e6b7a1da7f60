import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { StorageError, type StorageErrorCode } from '../storage-error';
import type { SqliteSynchronous } from './connect';
import type { AppendRecord } from './log-connection';

/** What the writer thread is started with. */
export interface WriterData {
  readonly path: string;
  readonly synchronous: SqliteSynchronous;
  /** Requests in, answers out; the storage's side can also take answers synchronously. */
  readonly port: MessagePort;
  /**
   * One counter on shared memory, raised after each answer is posted: the storage's thread sleeps
   * on it (Atomics.wait) when a call must wait for the writes before it.
   */
  readonly answered: Int32Array;
}

/** Request 0 is the opening of the writer's connection; the writer answers it unasked. */
export const OPENED = 0;

export type WriterRequest =
  | { readonly kind: 'append'; readonly request: number; readonly appends: readonly AppendRecord[] }
  | { readonly kind: 'compact'; readonly request: number; readonly id: string; readonly snapshot: Uint8Array; readonly throughSeq: number }
  | { readonly kind: 'close'; readonly request: number };

/** An error as it crosses threads: structured cloning keeps neither a StorageError's class nor its code. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
}

export type WireOutcome = { readonly lastSeq: number } | { readonly error: WireError };

/** The answer to one request: `error` when it failed as a whole, `outcomes` per append otherwise. */
export interface WriterAnswer {
  readonly request: number;
  readonly error?: WireError;
  readonly outcomes?: readonly WireOutcome[];
}

export function toWire(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined };
  }
  return { name: 'Error', message: String(error), code: undefined };
}

/** The error again, of the class callers test for: `StorageError` with its code, better-sqlite3's `SqliteError`. */
export function fromWire(error: WireError): Error {
  if (error.name === 'StorageError') return new StorageError(error.code as StorageErrorCode, error.message);
  if (error.name === 'SqliteError') return new Database.SqliteError(error.message, error.code ?? 'SQLITE_ERROR');
  return Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code });
}
