import { describe, expect, it } from 'vitest';
import { collabSocketUrl, resolveServerUrl } from './server-url';

describe('server URL', () => {
  it('uses the configured URL without a trailing slash', () => {
    expect(resolveServerUrl('http://127.0.0.1:4000/', { protocol: 'http:', hostname: 'x' })).toBe('http://127.0.0.1:4000');
    expect(resolveServerUrl(' https://collab.example.com ', { protocol: 'http:', hostname: 'x' })).toBe('https://collab.example.com');
  });

  it('falls back to the page host on port 4000', () => {
    expect(resolveServerUrl(undefined, { protocol: 'http:', hostname: 'localhost' })).toBe('http://localhost:4000');
    expect(resolveServerUrl('', { protocol: 'https:', hostname: 'docs.example.com' })).toBe('https://docs.example.com:4000');
  });

  it('turns http into ws and https into wss, under /collab', () => {
    expect(collabSocketUrl('http://127.0.0.1:4000')).toBe('ws://127.0.0.1:4000/collab');
    expect(collabSocketUrl('https://collab.example.com')).toBe('wss://collab.example.com/collab');
    expect(collabSocketUrl('https://example.com/quire/')).toBe('wss://example.com/quire/collab');
  });
});
