import { TicketRefusedError, type SocketTicket } from '@quire/editor';
import { linkPath } from './links';
import { apiRequest, errorStatus, type RequestOptions } from './request';
import type { TicketAnswer } from './types';

const REFUSALS = new Set([401, 403, 404]);

/** Asks for a ticket; the API's refusals become {@link TicketRefusedError}, which ends the session. */
async function requestTicket(serverUrl: string, path: string, options: RequestOptions): Promise<SocketTicket> {
  try {
    const answer = await apiRequest<TicketAnswer>(serverUrl, path, { method: 'POST', ...options });
    return { ticket: answer.ticket, role: answer.role, user: answer.user };
  } catch (error) {
    const status = errorStatus(error);
    if (status !== undefined && REFUSALS.has(status)) throw new TicketRefusedError(status as 401 | 403 | 404, (error as Error).message);
    throw error;
  }
}

/** A single-use ticket for one connection to a document the signed-in caller is a member of. */
export function documentTicket(serverUrl: string, documentId: string, signal: AbortSignal): Promise<SocketTicket> {
  return requestTicket(serverUrl, `/api/documents/${encodeURIComponent(documentId)}/tickets`, { signal });
}

/** A guest's single-use, read-only ticket through a viewer share link, under the name they chose. */
export function linkTicket(serverUrl: string, token: string, name: string, signal: AbortSignal): Promise<SocketTicket> {
  return requestTicket(serverUrl, `${linkPath(token)}/tickets`, { body: { name }, signal });
}
