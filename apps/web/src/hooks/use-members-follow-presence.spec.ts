import type { Participant } from '@quire/editor';
import { describe, expect, it } from 'vitest';
import { presenceDisagreement } from './use-members-follow-presence';

const person = (id: string, name: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  name,
  color: '#2651b3',
  clientId: 1,
  isSelf: false,
  isGuest: false,
  ...extra,
});

describe('presenceDisagreement', () => {
  const members = [
    { id: 'u1', name: 'Ada' },
    { id: 'u2', name: 'Grace' },
  ];

  it('is null while presence shows members by their listed names', () => {
    expect(presenceDisagreement([person('u1', 'Ada'), person('u2', 'Grace')], members, new Set())).toBeNull();
  });

  it('names a member shown under a new name, and one the list lacks', () => {
    expect(presenceDisagreement([person('u2', 'Grace Hopper')], members, new Set())).toBe('u2\nGrace Hopper');
    expect(presenceDisagreement([person('u3', 'Linus')], members, new Set())).toBe('u3\nLinus');
  });

  it('asks once per name', () => {
    expect(presenceDisagreement([person('u2', 'Grace Hopper')], members, new Set(['u2\nGrace Hopper']))).toBeNull();
  });

  it('leaves out guests, who may type any name, and oneself', () => {
    expect(presenceDisagreement([person('guest:x', 'Grace', { isGuest: true })], members, new Set())).toBeNull();
    expect(presenceDisagreement([person('u1', 'Ada Lovelace', { isSelf: true })], members, new Set())).toBeNull();
  });
});
