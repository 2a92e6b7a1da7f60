import { describe, expect, it } from 'vitest';
import { cleanDisplayName, friendlyDefaultName, initials, MAX_NAME_LENGTH } from './names';

describe('names', () => {
  it('offers an adjective and an animal', () => {
    expect(friendlyDefaultName(() => 0)).toBe('Bright Badger');
    expect(friendlyDefaultName(() => 0.999)).toBe('Witty Wren');
    expect(friendlyDefaultName()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('tidies typed names', () => {
    expect(cleanDisplayName('  Ada   Lovelace ')).toBe('Ada Lovelace');
    expect(cleanDisplayName('Ada\u202eecalevoL')).toBe('Ada ecalevoL');
    expect(cleanDisplayName('a\nb\tc')).toBe('a b c');
    expect(Array.from(cleanDisplayName('é'.repeat(100)) ?? '')).toHaveLength(MAX_NAME_LENGTH);
  });

  it('refuses empty names and non-strings', () => {
    for (const value of ['', '   ', '\u200b', null, 5, {}]) expect(cleanDisplayName(value)).toBeNull();
  });

  it('takes up to two initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('grace')).toBe('G');
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH');
    expect(initials('Émilie du Châtelet')).toBe('ÉC');
    expect(initials('   ')).toBe('?');
  });
});
