import { TicketRefusedError } from '@quire/editor';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { documentTicket, linkTicket } from './tickets';

const answer = { ticket: 't-1', expiresAt: '2030-01-01T00:00:00Z', role: 'viewer', documentId: 'doc-1', user: { id: 'g-1', name: 'Grace' } };
const api = new ApiClient('http://s');

describe('tickets', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a document ticket with the session cookie', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    expect(await documentTicket(api, 'doc-1', new AbortController().signal)).toEqual({
      ticket: 't-1',
      role: 'viewer',
      user: { id: 'g-1', name: 'Grace' },
    });
    expect(fetch).toHaveBeenCalledWith('http://s/api/documents/doc-1/tickets', expect.objectContaining({ method: 'POST', credentials: 'include' }));
  });

  it("sends the guest's name for a link ticket", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    await linkTicket(api, 'tok', 'Grace', new AbortController().signal);
    expect(fetch).toHaveBeenCalledWith('http://s/api/links/tok/tickets', expect.objectContaining({ body: '{"name":"Grace"}' }));
  });

  it('turns 401, 403 and 404 into refusals, and leaves other failures to be retried', async () => {
    for (const status of [401, 403, 404]) {
      vi.stubGlobal('fetch', vi.fn(async () => new Response('{"message":"no"}', { status })));
      await expect(documentTicket(api, 'd', new AbortController().signal)).rejects.toEqual(new TicketRefusedError(status as 401, 'no'));
    }
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
    const error = await documentTicket(api, 'd', new AbortController().signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TicketRefusedError);
  });
});
