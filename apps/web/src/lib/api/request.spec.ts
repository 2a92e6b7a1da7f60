import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, errorMessage, onUnauthorized, ServerRequestError } from './request';

describe('apiRequest', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the session cookie and JSON, and reads JSON', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: 1 }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    expect(await apiRequest('http://127.0.0.1:4000', '/api/documents', { method: 'POST', body: { title: 'x' } })).toEqual({ ok: 1 });
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

  it('resolves undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })));
    expect(await apiRequest('http://s', '/api/auth/signout', { method: 'POST' })).toBeUndefined();
  });

  it("rejects with the server's message and status", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ statusCode: 409, message: 'Email taken' }), { status: 409 })));
    const error = await apiRequest('http://s', '/api/auth/signup').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerRequestError);
    expect(error).toMatchObject({ kind: 'http', status: 409, message: 'Email taken' });
  });

  it('tells the unauthorized listeners of every 401, and of nothing else, until they unsubscribe', async () => {
    const heard = vi.fn();
    const stop = onUnauthorized(heard);
    for (const status of [401, 403, 200, 401]) {
      vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({}), { status })));
      await apiRequest('http://s', '/api/documents').catch(() => undefined);
    }
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    await apiRequest('http://s', '/api/documents').catch(() => undefined);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('says the server is unreachable when nothing answers', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('http://s', '/api/session')).rejects.toMatchObject({ kind: 'unreachable' });
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
