import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ownOrigin, refusedOrigin } from './origin-check';

function request(method: string, headers: Record<string, string>, remoteAddress = '198.51.100.20', encrypted = false): IncomingMessage {
  return { method, headers, socket: { remoteAddress, encrypted } } as unknown as IncomingMessage;
}

const policy = { allowedOrigins: ['https://docs.example.com'], trustProxy: ['10.0.0.2'] };

describe('refusedOrigin', () => {
  it('lets reads through, whatever their Origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(refusedOrigin(request(method, { origin: 'https://evil.example', host: 'quire.local' }), policy)).toBeUndefined();
    }
  });

  it('refuses a state-changing request from a foreign Origin, whatever the method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(refusedOrigin(request(method, { origin: 'https://evil.example', host: 'quire.local' }), policy)).toBe('https://evil.example');
    }
  });

  it('allows an allowed Origin, the server’s own, and no Origin at all (scripts)', () => {
    expect(refusedOrigin(request('POST', { origin: 'https://docs.example.com', host: 'quire.local' }), policy)).toBeUndefined();
    expect(refusedOrigin(request('POST', { origin: 'http://quire.local:4000', host: 'quire.local:4000' }), policy)).toBeUndefined();
    expect(refusedOrigin(request('POST', { host: 'quire.local' }), policy)).toBeUndefined();
  });

  it('does not believe X-Forwarded-Host from a peer that is not a trusted proxy', () => {
    const forged = request('POST', { origin: 'http://evil.example', host: 'quire.local', 'x-forwarded-host': 'evil.example' });
    expect(refusedOrigin(forged, policy)).toBe('http://evil.example');
    expect(ownOrigin(forged, policy.trustProxy)).toBe('http://quire.local');
  });

  it('believes X-Forwarded-Host and -Proto from a trusted proxy', () => {
    const proxied = request(
      'POST',
      { origin: 'https://notes.example.org', host: '10.0.0.5:4000', 'x-forwarded-host': 'notes.example.org', 'x-forwarded-proto': 'https' },
      '::ffff:10.0.0.2',
    );
    expect(ownOrigin(proxied, policy.trustProxy)).toBe('https://notes.example.org');
    expect(refusedOrigin(proxied, policy)).toBeUndefined();
  });

  it('reads its own origin as https when the socket itself is TLS', () => {
    expect(ownOrigin(request('POST', { host: 'quire.local' }, '198.51.100.20', true), [])).toBe('https://quire.local');
  });
});
