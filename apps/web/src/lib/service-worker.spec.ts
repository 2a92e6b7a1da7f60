import { describe, expect, it } from 'vitest';
import { PAGE_CACHE, isKeptPage } from '../../service-worker/page-cache';

describe('the pages the service worker keeps for opening with no network', () => {
  it('keeps the documents list and each document page', () => {
    expect(isKeptPage('/')).toBe(true);
    expect(isKeptPage('/d/tzm3eqkIPOWlNpDQ')).toBe(true);
    expect(PAGE_CACHE).toBe('quire-pages');
  });

  it('keeps no other page: not the API, sign-in, share links or a document sub-path', () => {
    for (const pathname of ['/api/documents', '/signin', '/account', '/admin', '/s/secret-token', '/d/abc/extra', '/d/', '/dx/abc']) {
      expect(isKeptPage(pathname), pathname).toBe(false);
    }
  });
});
