import { describe, expect, it } from 'vitest';
import { collaborationServerSources, contentSecurityPolicy, newNonce } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((part) => {
      const [name, ...values] = part.split(' ');
      return [name as string, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets inline scripts run only with the nonce, and allows no plugins, foreign <base> or framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', configuredServerUrl: null, requestHostname: 'localhost', development: false }));
    // Not 'strict-dynamic', under which Chromium runs inline scripts that other scripts create.
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it("lets only this site's script be a worker (the service worker, public/sw.js)", () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', configuredServerUrl: null, requestHostname: 'localhost', development: false }));
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it("allows eval for next dev's error stacks, and only there", () => {
    const dev = contentSecurityPolicy({ nonce: 'n', configuredServerUrl: null, requestHostname: 'localhost', development: true });
    expect(directives(dev).get('script-src')).toContain("'unsafe-eval'");
  });

  it('connects to the configured server over HTTP and WebSocket', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', configuredServerUrl: 'https://docs.example.com/', requestHostname: 'other.example', development: false });
    expect(directives(policy).get('connect-src')).toEqual(["'self'", 'https://docs.example.com', 'wss://docs.example.com']);
  });

  it('loads images from the collaboration server (uploaded files) and from no other site', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', configuredServerUrl: 'https://docs.example.com/', requestHostname: 'other.example', development: false });
    expect(directives(policy).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://docs.example.com']);
    const fallback = contentSecurityPolicy({ nonce: 'n', configuredServerUrl: null, requestHostname: 'localhost', development: false });
    expect(directives(fallback).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'http://localhost:4000', 'https://localhost:4000']);
  });
});

describe('collaborationServerSources', () => {
  it('keeps the port of a configured server', () => {
    expect(collaborationServerSources('http://127.0.0.1:4100', 'x')).toEqual(['http://127.0.0.1:4100', 'ws://127.0.0.1:4100']);
  });

  it('falls back to the page’s host on port 4000, with either scheme', () => {
    expect(collaborationServerSources(null, 'docs.example.com')).toEqual([
      'http://docs.example.com:4000',
      'https://docs.example.com:4000',
      'ws://docs.example.com:4000',
      'wss://docs.example.com:4000',
    ]);
    expect(collaborationServerSources(null, '[::1]')).toContain('ws://[::1]:4000');
  });

  it('adds nothing for a host that could smuggle a directive into the header', () => {
    expect(collaborationServerSources(null, "evil; script-src 'unsafe-inline'")).toEqual([]);
    expect(collaborationServerSources(null, '')).toEqual([]);
    expect(collaborationServerSources('not a url', 'localhost')).toEqual([]);
    expect(collaborationServerSources('javascript:alert(1)', 'localhost')).toEqual([]);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
