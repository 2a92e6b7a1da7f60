import { z } from 'zod';
import { DisplayName, Email, NewPassword, Timestamp } from './fields';

/** A user as the API shows it: never the password hash. */
export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: Timestamp,
  /** In the administrator's list: the account is disabled (it cannot sign in). */
  disabled: z.boolean().optional(),
});
export type UserView = z.infer<typeof UserView>;

/**
 * `GET /api/session`: who is signed in, whether the first account or sign-ups are possible, and the
 * largest upload the server takes (`MAX_UPLOAD_BYTES`: a page can refuse a larger file before
 * sending it). The server always sends `maxUploadBytes`; a session the web app writes itself after
 * signing in may leave it out.
 */
export const SessionInfo = z.object({
  user: UserView.nullable(),
  setupNeeded: z.boolean(),
  allowSignup: z.boolean(),
  maxUploadBytes: z.number().int().positive().optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** What setup, sign-up, sign-in and a rename answer (the first three with a session cookie). */
export const SignedIn = z.object({ user: UserView });
export type SignedIn = z.infer<typeof SignedIn>;

/** `POST /api/auth/signup`. */
const NewAccountBody = z.object({ email: Email, name: DisplayName, password: NewPassword }).strict();

/**
 * `POST /api/auth/signup`; `invite` is the token of an invitation link (`/signup?invite=…`), which
 * works for its own email even when sign-up is turned off.
 */
export const SignupBody = NewAccountBody.extend({ invite: z.string().max(200).optional() }).strict();
export type SignupBody = z.infer<typeof SignupBody>;

/** `POST /api/setup`: sign-up with the one-time code from the server's log. */
export const SetupBody = NewAccountBody.extend({ code: z.string().trim().min(1, 'code: enter the setup code from the server log') }).strict();
export type SetupBody = z.infer<typeof SetupBody>;

/** `POST /api/auth/signin`. */
export const SigninBody = z.object({ email: Email, password: z.string().max(1000) }).strict();
export type SigninBody = z.infer<typeof SigninBody>;

/** `PATCH /api/account`. */
export const RenameAccountBody = z.object({ name: DisplayName }).strict();
export type RenameAccountBody = z.infer<typeof RenameAccountBody>;

/** `POST /api/account/password`; `revokeTokens` revokes every API token too. */
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().max(1000), newPassword: NewPassword, revokeTokens: z.boolean().optional() })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** A personal API token as its owner lists it: never the secret. */
export const ApiTokenView = z.object({ id: z.string(), name: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp.nullable() });
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** `GET /api/tokens`. */
export const ApiTokenList = z.object({ tokens: z.array(ApiTokenView) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** `POST /api/tokens`. */
export const CreateApiTokenBody = z.object({ name: z.string().trim().min(1, 'name: say what the token is for').max(80) }).strict();
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

/** A token just made: its secret (`qt_…`) is shown this once. */
export const CreatedApiToken = ApiTokenView.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
