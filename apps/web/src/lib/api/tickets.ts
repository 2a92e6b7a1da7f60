import { TicketAnswer } from '@quire/api-contract';
import { TicketRefusedError, type SocketTicket } from '@quire/editor';
import { errorStatus, type ApiClient, type Call } from './client';
import { linkPath } from './links';

const REFUSALS = new Set([401, 403, 404]);

/** A socket ticket, with the file token a guest's ticket carries (docs/api.md, "Files"). */
export interface PageTicket extends SocketTicket {
  fileToken?: string;
}

/** Asks for a ticket; the API's refusals become {@link TicketRefusedError}, which ends the session. */
async function requestTicket(api: ApiClient, path: string, call: Call): Promise<PageTicket> {
  try {
    const answer = await api.call(path, TicketAnswer, { method: 'POST', ...call });
    return { ticket: answer.ticket, role: answer.role, user: answer.user, ...(answer.fileToken ? { fileToken: answer.fileToken } : {}) };
  } catch (error) {
    const status = errorStatus(error);
    if (status !== undefined && REFUSALS.has(status)) throw new TicketRefusedError(status as 401 | 403 | 404, (error as Error).message);
    throw error;
  }
}

/** A single-use ticket for one connection to a document the signed-in caller is a member of. */
export function documentTicket(api: ApiClient, documentId: string, signal: AbortSignal): Promise<SocketTicket> {
  return requestTicket(api, `/api/documents/${encodeURIComponent(documentId)}/tickets`, { signal });
}

/** A guest's single-use, read-only ticket through a viewer share link, under the name they chose. */
export function linkTicket(api: ApiClient, token: string, name: string, signal: AbortSignal): Promise<PageTicket> {
  return requestTicket(api, `${linkPath(token)}/tickets`, { body: { name }, signal });
}
