import { DocumentView } from '@quire/api-contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, errorMessage, ServerRequestError } from './client';

const document = {
  id: 'doc-1',
  title: 'Notes',
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-02T00:00:00.000Z',
  role: 'owner',
  owner: { id: 'u-1', name: 'Ada' },
};

function answering(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('ApiClient', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the session cookie and JSON to the configured server, and parses the answer with the contract', async () => {
    const fetch = answering(201, { ...document, extra: 'dropped' });
    const api = new ApiClient('http://127.0.0.1:4000/');
    expect(await api.call('/api/documents', DocumentView, { method: 'POST', body: { title: 'x' } })).toEqual(document);
    expect(fetch).toHaveBeenCalledWith(
      'http://127.0.0.1:4000/api/documents',
      expect.objectContaining({
        method: 'POST',
        credentials: 'include',
        body: '{"title":"x"}',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
      }),
    );
  });

  it('talks to this host on port 4000 when no server is configured', async () => {
    vi.stubGlobal('window', { location: { protocol: 'https:', hostname: 'docs.example.com' } });
    expect(new ApiClient(null).serverUrl).toBe('https://docs.example.com:4000');
  });

  it('resolves nothing for a route that answers 204', async () => {
    answering(204, null);
    expect(await new ApiClient('http://s').call('/api/auth/signout', null, { method: 'POST' })).toBeUndefined();
  });

  it('refuses an answer the contract does not describe, saying which field', async () => {
    answering(200, { ...document, role: 'admin' });
    const error = await new ApiClient('http://s').call('/api/documents/doc-1', DocumentView).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerRequestError);
    expect(error).toMatchObject({ kind: 'invalid', status: 200 });
    expect((error as Error).message).toContain('GET /api/documents/doc-1');
    expect((error as Error).message).toContain('role:');
  });

  it("rejects with the server's message and status", async () => {
    answering(409, { statusCode: 409, message: 'Email taken' });
    const error = await new ApiClient('http://s').call('/api/auth/signup', null, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerRequestError);
    expect(error).toMatchObject({ kind: 'http', status: 409, message: 'Email taken' });
  });

  it('tells its unauthorized handler of every 401, and of nothing else', async () => {
    const heard = vi.fn();
    const api = new ApiClient('http://s', heard);
    for (const status of [401, 403, 200, 401]) {
      answering(status, { owned: [], shared: [] });
      await api.call('/api/documents/doc-1', DocumentView).catch(() => undefined);
    }
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('says the server is unreachable when nothing answers, and passes an abort on', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(new ApiClient('http://s').call('/api/session', DocumentView)).rejects.toMatchObject({ kind: 'unreachable' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))));
    await expect(new ApiClient('http://s').call('/api/session', DocumentView)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('errorMessage', () => {
  it("reads a message string or Nest's list", () => {
    expect(errorMessage({ message: 'Wrong code' }, 'x')).toBe('Wrong code');
    expect(errorMessage({ message: ['name is too long', 'email is invalid'] }, 'x')).toBe('name is too long. email is invalid');
    expect(errorMessage(null, 'fallback')).toBe('fallback');
    expect(errorMessage({ message: 42 }, 'fallback')).toBe('fallback');
  });
});
