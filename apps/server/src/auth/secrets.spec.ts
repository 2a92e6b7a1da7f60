import { describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX, Secrets, TICKET_PREFIX } from './secrets';

describe('Secrets', () => {
  const secrets = new Secrets('k'.repeat(32));

  it('makes distinct, prefixed secrets', () => {
    expect(secrets.newApiToken().startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(secrets.newTicket().startsWith(TICKET_PREFIX)).toBe(true);
    expect(secrets.newTicket()).not.toBe(secrets.newTicket());
  });

  it('stores digests keyed by AUTH_SECRET: another key gives another digest', () => {
    const token = secrets.newApiToken();
    expect(secrets.digest(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.digest(token)).toBe(secrets.digest(token));
    expect(new Secrets('j'.repeat(32)).digest(token)).not.toBe(secrets.digest(token));
  });

  it('recognizes its own link tokens and no altered ones', () => {
    const token = secrets.linkToken('link-1');
    expect(secrets.linkIdOf(token)).toBe('link-1');
    expect(secrets.linkIdOf(token.replace('link-1', 'link-2'))).toBeUndefined();
    expect(secrets.linkIdOf(`${token.slice(0, -1)}A`)).toBeUndefined();
    expect(new Secrets('j'.repeat(32)).linkIdOf(token)).toBeUndefined();
    expect(secrets.linkIdOf('no-dot')).toBeUndefined();
  });
});
