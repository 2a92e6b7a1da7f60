import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

function headersFor(url: string): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  const response = { setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value) } as unknown as ServerResponse;
  let nextCalled = false;
  securityHeaders({ url } as IncomingMessage, response, () => (nextCalled = true));
  expect(nextCalled).toBe(true);
  return headers;
}

describe('securityHeaders', () => {
  it('sends nosniff everywhere and no-store on every /api answer', () => {
    for (const url of ['/api/tokens', '/api/admin/users/1/password', '/api/session?x=1', '/api']) {
      expect(headersFor(url), url).toEqual({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    }
  });

  it('leaves caching alone outside /api', () => {
    for (const url of ['/health', '/metrics', '/apiary', '/']) {
      expect(headersFor(url), url).toEqual({ 'x-content-type-options': 'nosniff' });
    }
  });
});
