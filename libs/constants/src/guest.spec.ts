import { describe, expect, it } from 'vitest';
import { GUEST_ID_PREFIX, isGuestId } from './guest';

describe('isGuestId', () => {
  it('is true for ids that start with the guest prefix', () => {
    expect(isGuestId(`${GUEST_ID_PREFIX}0123456789abcdef`)).toBe(true);
  });

  it('is false for account ids and for ids that only contain the prefix elsewhere', () => {
    expect(isGuestId('3f1c2a9e-8d4b-4c1e-9a7f-2b6d5e4c3a21')).toBe(false);
    expect(isGuestId('not-a-guest-1')).toBe(false);
    expect(isGuestId('Guest-1')).toBe(false);
    expect(isGuestId('')).toBe(false);
  });
});
