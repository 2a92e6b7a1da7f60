import { describe, expect, it } from 'vitest';
import { FileTokens } from './file-tokens';
import { Secrets } from './secrets';

describe('FileTokens', () => {
  const secrets = new Secrets('k'.repeat(32));
  let now = Date.parse('2030-01-01T12:00:00Z');
  const tokens = new FileTokens(secrets, 60_000, () => now);

  it('issues a token for one document through one link, valid until it says', () => {
    const { fileToken, fileTokenExpiresAt } = tokens.issue('link-1', 'doc-1');
    expect(fileToken).toMatch(/^qf_link-1\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(fileTokenExpiresAt).toBe('2030-01-01T12:01:00.000Z');
    expect(tokens.check(fileToken, 'doc-1')).toEqual({ linkId: 'link-1', expired: false });
  });

  it('says a genuine token has expired once its time has passed', () => {
    const { fileToken } = tokens.issue('link-1', 'doc-1');
    now += 60_000;
    expect(tokens.check(fileToken, 'doc-1')).toEqual({ linkId: 'link-1', expired: true });
    now -= 60_000;
  });

  it('refuses a token for another document, another key, or one altered anywhere', () => {
    const { fileToken } = tokens.issue('link-1', 'doc-1');
    expect(tokens.check(fileToken, 'doc-2')).toBeUndefined();
    expect(new FileTokens(new Secrets('j'.repeat(32)), 60_000, () => now).check(fileToken, 'doc-1')).toBeUndefined();
    const [linkId, expires, mac] = fileToken.slice(3).split('.');
    expect(tokens.check(`qf_link-2.${expires}.${mac}`, 'doc-1')).toBeUndefined();
    expect(tokens.check(`qf_${linkId}.${Number(expires) + 3600}.${mac}`, 'doc-1')).toBeUndefined();
    expect(tokens.check(`qf_${linkId}.${expires}.${mac.slice(0, -1)}A`, 'doc-1')).toBeUndefined();
    expect(tokens.check(`qk_${linkId}.${expires}.${mac}`, 'doc-1')).toBeUndefined();
    expect(tokens.check(`${fileToken}.extra`, 'doc-1')).toBeUndefined();
    expect(tokens.check('qf_', 'doc-1')).toBeUndefined();
    expect(tokens.check(`qf_${'a'.repeat(400)}`, 'doc-1')).toBeUndefined();
  });

  it('never passes for a share link’s token, nor a link token for it: the MACs are made for one purpose each', () => {
    expect(secrets.mac('file', 'x')).not.toBe(secrets.mac('link', 'x'));
    expect(secrets.macMatches('link', 'x', secrets.mac('link', 'x'))).toBe(true);
    expect(secrets.macMatches('file', 'x', secrets.mac('link', 'x'))).toBe(false);
  });
});
