/**
 * What each security event type means, in words for the administrator (the types are listed in
 * docs/api.md, "Security events").
 */
const WORDS: Record<string, string> = {
  setup: 'Quire set up',
  'setup-failed': 'Wrong setup code',
  signup: 'Account created',
  signin: 'Signed in',
  'signin-failed': 'Failed sign-in',
  signout: 'Signed out',
  'password-changed': 'Password changed',
  'password-reset': 'Password reset by the administrator',
  'token-created': 'API token created',
  'token-revoked': 'Token revoked',
  'member-added': 'Member added',
  'member-role-changed': 'Member’s role changed',
  'member-removed': 'Member removed',
  'link-created': 'Share link created',
  'link-revoked': 'Share link revoked',
  'document-deleted': 'Document deleted',
  'invitation-created': 'Invitation created',
  'invitation-cancelled': 'Invitation cancelled',
  'account-disabled': 'Account disabled',
  'account-enabled': 'Account enabled',
  'account-deleted': 'Account deleted',
  'signup-setting-changed': 'Sign-up turned on or off',
  'password-reset-requested': 'Password reset asked for',
  'password-reset-request-dismissed': 'Password reset request dismissed',
};

/**
 * "Failed sign-in" for `signin-failed`; a type this page does not know yet (a newer server) is
 * shown as its own words: `account-locked` → "Account locked".
 */
export function securityEventWords(type: string): string {
  const known = Object.hasOwn(WORDS, type) ? WORDS[type] : undefined;
  if (known) return known;
  const words = type.replace(/[-_.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown event';
}
