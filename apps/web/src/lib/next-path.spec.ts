import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from './next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/d/abc')).toBe('/d/abc');
    expect(safeNextPath('/s/token-1?x=1')).toBe('/s/token-1?x=1');
  });

  it('sends anything else home', () => {
    for (const next of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', 'd/abc']) {
      expect(safeNextPath(next), String(next)).toBe('/');
    }
  });
});

describe('withNext', () => {
  it('adds the page to come back to', () => {
    expect(withNext('/signin', '/d/abc')).toBe('/signin?next=%2Fd%2Fabc');
    expect(withNext('/signup', '/')).toBe('/signup');
    expect(withNext('/signin', '//evil.example')).toBe('/signin');
  });
});
