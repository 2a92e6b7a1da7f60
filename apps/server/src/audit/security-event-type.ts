/**
 * What a security event says happened (docs/api.md, "Security events"). The administrator's page
 * shows these names; add new ones at the end and document them there.
 */
export const SECURITY_EVENT_TYPES = [
  'setup',
  'setup-failed',
  'signup',
  'signin',
  'signin-failed',
  'signout',
  'password-changed',
  'password-reset',
  'token-created',
  'token-revoked',
  'member-added',
  'member-role-changed',
  'member-removed',
  'link-created',
  'link-revoked',
  'document-deleted',
  'document-restored',
  'document-deleted-forever',
  'invitation-created',
  'invitation-cancelled',
  'account-disabled',
  'account-enabled',
  'account-deleted',
  'signup-setting-changed',
  'password-reset-requested',
  'password-reset-request-dismissed',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
