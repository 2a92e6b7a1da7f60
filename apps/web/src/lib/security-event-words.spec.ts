import { describe, expect, it } from 'vitest';
import { securityEventWords } from './security-event-words';

describe('securityEventWords', () => {
  it('says what a known event means', () => {
    expect(securityEventWords('signin-failed')).toBe('Failed sign-in');
    expect(securityEventWords('token-revoked')).toBe('Token revoked');
    expect(securityEventWords('document-deleted')).toBe('Document deleted');
  });

  it('shows an unknown type as words, and never a name inherited from Object', () => {
    expect(securityEventWords('account-locked')).toBe('Account locked');
    expect(securityEventWords('constructor')).toBe('Constructor');
    expect(securityEventWords('--')).toBe('Unknown event');
  });
});
