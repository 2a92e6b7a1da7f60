import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { afterFailure, FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, RETRY_WINDOW_MS } from './retry-schedule';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = '{"id":"d1","event":"document.created"}';

  it('are t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">, as docs/api.md tells receivers to check', () => {
    const header = signatureHeader('whsec_test', body, 1_700_000_000);
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(verifySignature('whsec_test', body, header, 1_700_000_010)).toBe(true);
  });

  it('fail for another secret, another body, a changed time, or one too old', () => {
    const header = signatureHeader('whsec_test', body, 1_700_000_000);
    expect(verifySignature('whsec_other', body, header, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_test', `${body} `, header, 1_700_000_000)).toBe(false);
    expect(verifySignature('whsec_test', body, header.replace('t=1700000000', 't=1700000001'), 1_700_000_001)).toBe(false);
    expect(verifySignature('whsec_test', body, header, 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature('whsec_test', body, 'garbage', 1_700_000_000)).toBe(false);
  });
});

describe('the retry schedule', () => {
  const stored = new Date('2026-01-01T00:00:00Z');
  const later = (ms: number) => new Date(stored.getTime() + ms);

  it('waits 2 s after the first failure, doubling up to an hour', () => {
    expect(afterFailure(stored, 1, stored)).toEqual({ retry: true, at: later(FIRST_RETRY_DELAY_MS) });
    expect(afterFailure(stored, 2, later(2000))).toEqual({ retry: true, at: later(2000 + 4000) });
    expect(afterFailure(stored, 5, later(60_000))).toEqual({ retry: true, at: later(60_000 + 32_000) });
    expect(afterFailure(stored, 30, later(10 * 60 * 60 * 1000))).toEqual({ retry: true, at: later(10 * 60 * 60 * 1000 + MAX_RETRY_DELAY_MS) });
  });

  it('gives up once the next attempt would fall past 24 hours from when the delivery was stored', () => {
    expect(afterFailure(stored, 30, later(RETRY_WINDOW_MS - MAX_RETRY_DELAY_MS))).toEqual({ retry: true, at: later(RETRY_WINDOW_MS) });
    expect(afterFailure(stored, 30, later(RETRY_WINDOW_MS - MAX_RETRY_DELAY_MS + 1))).toEqual({ retry: false });
  });
});
