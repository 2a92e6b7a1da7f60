import type { Role } from '@quire/api-contract';
import { CloseCode } from '@quire/constants';

/**
 * A single-use ticket for one socket connection, as `POST /api/documents/:id/tickets` or
 * `POST /api/links/:token/tickets` answer it: the connection acts as `user` with `role`.
 */
export interface SocketTicket {
  ticket: string;
  role: Role;
  /** The identity the connection must publish in awareness, exactly as given. */
  user: { id: string; name: string };
}

/**
 * Asks the API for a fresh ticket. Called before every connection and reconnection, since a ticket
 * opens one connection only. Rejects with {@link TicketRefusedError} when the API says no, with any
 * other error when it could not be asked (offline, server restarting).
 */
export type TicketProvider = (signal: AbortSignal) => Promise<SocketTicket>;

/** The API refused a ticket: 401 not signed in, 403 not allowed, 404 no such document (or hidden). */
export class TicketRefusedError extends Error {
  constructor(
    readonly status: 401 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'TicketRefusedError';
  }
}

/** True when the role may change the document. */
export function canEdit(role: Role | null): boolean {
  return role === 'owner' || role === 'editor';
}

/**
 * The close code a refused ticket stands for, so a refusal ends the session the way the same
 * refusal on the socket would. After a 4403 the API hides whether the document exists (404 for
 * non-members), so a 404 then means the access was removed.
 */
export function refusalCloseCode(status: TicketRefusedError['status'], retryingAfter: number | null): number {
  if (status === 401) return CloseCode.Unauthenticated;
  if (status === 403) return CloseCode.Forbidden;
  return retryingAfter === CloseCode.Forbidden ? CloseCode.Forbidden : CloseCode.NotFound;
}

/** Socket closes after which one more try with a fresh ticket may succeed (docs/api.md). */
export function isRetriableWithNewTicket(code: number): boolean {
  return code === CloseCode.Unauthenticated || code === CloseCode.Forbidden;
}
