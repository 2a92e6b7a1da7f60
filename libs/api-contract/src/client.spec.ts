import { describe, expect, it } from 'vitest';
import { createQuireClient, QuireApiError } from './client';

const document = { id: 'd1', title: 'Plans', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', role: 'owner', owner: { id: 'u1', name: 'Ada' } };

/** A client whose fetch answers `body` (status 200) and records what it was asked. */
function clientAnswering(body: unknown, status = 200) {
  const asked: { url: string; method?: string; authorization?: string }[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    asked.push({ url, method: init.method, authorization: (init.headers as Record<string, string>).authorization });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { quire: createQuireClient('http://quire.test/', 'qt_secret', { fetch: fakeFetch }), asked };
}

describe('the typed client', () => {
  it('asks for a page of each paged list with its limit and cursor, and parses the answer', async () => {
    const page = { documents: [{ ...document, starred: true }], nextCursor: 'MTc0.ZDE' };
    const { quire, asked } = clientAnswering(page);
    expect(await quire.listOwnedDocuments({ limit: 1 })).toEqual(page);
    expect(await quire.listSharedDocuments({ limit: 20, cursor: 'a+b/c=' })).toEqual(page);
    await quire.listOwnedDocuments();
    expect(asked).toEqual([
      { url: 'http://quire.test/api/documents/owned?limit=1', method: 'GET', authorization: 'Bearer qt_secret' },
      { url: 'http://quire.test/api/documents/shared?limit=20&cursor=a%2Bb%2Fc%3D', method: 'GET', authorization: 'Bearer qt_secret' },
      { url: 'http://quire.test/api/documents/owned', method: 'GET', authorization: 'Bearer qt_secret' },
    ]);
  });

  it('parses stars, recents and the trash with their own times', async () => {
    const at = '2026-03-02T10:00:00.000Z';
    const starred = clientAnswering({ documents: [{ ...document, starred: true, starredAt: at }], nextCursor: null });
    expect((await starred.quire.listStarredDocuments({ limit: 5 })).documents[0].starredAt).toBe(at);
    expect(starred.asked[0].url).toBe('http://quire.test/api/documents/starred?limit=5');
    const recent = clientAnswering({ documents: [{ ...document, starred: false, openedAt: at }], nextCursor: null });
    expect((await recent.quire.listRecentDocuments({ cursor: 'x' })).documents[0].openedAt).toBe(at);
    expect(recent.asked[0].url).toBe('http://quire.test/api/documents/recent?cursor=x');
    const trash = clientAnswering({ documents: [{ ...document, deletedAt: at, purgeAt: at }], nextCursor: null });
    expect((await trash.quire.listTrash()).documents[0].purgeAt).toBe(at);
    expect(trash.asked[0].url).toBe('http://quire.test/api/trash');
  });

  it('refuses an answer that strays from the contract, and throws the server’s refusal', async () => {
    // A row without `starred` is not a page of the owned list.
    await expect(clientAnswering({ documents: [document], nextCursor: null }).quire.listOwnedDocuments()).rejects.toThrow(/starred/);
    const refused = await clientAnswering({ statusCode: 400, message: 'limit: a whole number from 1 to 100' }, 400)
      .quire.listTrash({ limit: 500 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuireApiError);
    expect(refused).toMatchObject({ status: 400, message: 'limit: a whole number from 1 to 100' });
  });
});
