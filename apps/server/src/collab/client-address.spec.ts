import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', [])).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For only from a trusted proxy, skipping trusted hops', () => {
    expect(clientAddress('10.0.0.1', '198.51.100.7, 10.0.0.2', ['10.0.0.1', '10.0.0.2'])).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', 'forged, 198.51.100.7', ['10.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', undefined, ['10.0.0.1'])).toBe('10.0.0.1');
  });

  it('folds IPv4-mapped IPv6 addresses', () => {
    expect(clientAddress('::ffff:127.0.0.1', undefined, [])).toBe('127.0.0.1');
    expect(clientAddress('::ffff:10.0.0.1', '198.51.100.7', ['10.0.0.1'])).toBe('198.51.100.7');
  });
});
